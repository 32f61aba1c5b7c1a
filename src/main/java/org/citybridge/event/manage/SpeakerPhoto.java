package org.citybridge.event.manage;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import org.springframework.web.multipart.MultipartFile;
import org.citybridge.system.Refusal;

/**
 * A speaker's photo as uploaded: JPEG, PNG or WebP of at most 2 MB, judged by its first bytes, never
 * by its name or the type the browser claims.
 */
record SpeakerPhoto(String mediaType, byte[] content, String sha256) {

	static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF };

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

	private static final byte[] RIFF = { 'R', 'I', 'F', 'F' };

	private static final byte[] WEBP = { 'W', 'E', 'B', 'P' };

	/** The upload as a photo, {@code null} when no file was chosen. */
	static SpeakerPhoto of(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > MAX_BYTES) {
			throw new Refusal("photo", "event.speaker.photo.tooLarge");
		}
		try (InputStream in = file.getInputStream()) {
			return of(in.readNBytes(MAX_BYTES + 1));
		}
		catch (IOException ex) {
			throw new Refusal("photo", "event.speaker.photo.type");
		}
	}

	static SpeakerPhoto of(byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new Refusal("photo", "event.speaker.photo.tooLarge");
		}
		String type = mediaType(bytes);
		if (type == null) {
			throw new Refusal("photo", "event.speaker.photo.type");
		}
		return new SpeakerPhoto(type, bytes, sha256(bytes));
	}

	/** The type the bytes themselves show, or null when they are none of the three. */
	static String mediaType(byte[] bytes) {
		if (startsWith(bytes, 0, JPEG) && bytes.length > JPEG.length) {
			return "image/jpeg";
		}
		if (startsWith(bytes, 0, PNG) && bytes.length > PNG.length) {
			return "image/png";
		}
		if (bytes.length > 12 && startsWith(bytes, 0, RIFF) && startsWith(bytes, 8, WEBP)) {
			return "image/webp";
		}
		return null;
	}

	private static boolean startsWith(byte[] bytes, int offset, byte[] magic) {
		return bytes.length >= offset + magic.length
				&& Arrays.equals(bytes, offset, offset + magic.length, magic, 0, magic.length);
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
