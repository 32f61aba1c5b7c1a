package org.citybridge.system.files;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.citybridge.system.PdfInspection;
import org.citybridge.system.Refusal;

/**
 * What a file really is, from its first bytes rather than its name or the browser's claim: a PDF,
 * or a PNG, JPEG, GIF or WebP image. Anything else is refused.
 */
public enum AttachmentType {
	PDF("application/pdf"), PNG("image/png"), JPEG("image/jpeg"), GIF("image/gif"), WEBP("image/webp");

	/** The largest attachment accepted: 5 MiB. */
	public static final int MAX_BYTES = 5 * 1024 * 1024;

	public final String contentType;

	AttachmentType(String contentType) {
		this.contentType = contentType;
	}

	public static Optional<AttachmentType> detect(byte[] data) {
		if (data == null) {
			return Optional.empty();
		}
		if (startsWith(data, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(PDF);
		}
		if (startsWith(data, new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A })) {
			return Optional.of(PNG);
		}
		if (startsWith(data, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF })) {
			return Optional.of(JPEG);
		}
		if (startsWith(data, "GIF87a".getBytes(StandardCharsets.US_ASCII))
				|| startsWith(data, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(GIF);
		}
		if (data.length >= 12 && startsWith(data, "RIFF".getBytes(StandardCharsets.US_ASCII))
				&& Arrays.equals(Arrays.copyOfRange(data, 8, 12), "WEBP".getBytes(StandardCharsets.US_ASCII))) {
			return Optional.of(WEBP);
		}
		return Optional.empty();
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		return data.length >= prefix.length && Arrays.equals(Arrays.copyOf(data, prefix.length), prefix);
	}

	/** The file name extensions that say this type; the first is added to a name that has none of them. */
	public List<String> extensions() {
		return switch (this) {
			case PDF -> List.of("pdf");
			case PNG -> List.of("png");
			case JPEG -> List.of("jpg", "jpeg");
			case GIF -> List.of("gif");
			case WEBP -> List.of("webp");
		};
	}

	/**
	 * A file name safe to store and send back: no path, only letters, digits and a few marks, at
	 * most 100 characters, ending with an extension of the type the content has (a PDF uploaded as
	 * {@code minutes.html} is offered as {@code minutes.html.pdf}, never as a page to open).
	 */
	public static String safeName(String original, AttachmentType type) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		name = name.replaceAll("[^\\p{L}\\p{N}._ -]", "_").strip();
		if (name.isEmpty() || name.startsWith(".")) {
			name = "attachment";
		}
		String lower = name.toLowerCase(Locale.ROOT);
		if (type.extensions().stream().noneMatch(extension -> lower.endsWith("." + extension))) {
			name = name + "." + type.extensions().get(0);
		}
		if (name.length() > 100) {
			name = name.substring(name.length() - 100);
		}
		return name;
	}

	/** The name to offer a stored file under: as {@link #safeName}, for files stored before names ended with their type. */
	public static String downloadName(String storedName, String contentType) {
		return Arrays.stream(values())
			.filter(type -> type.contentType.equals(contentType))
			.findFirst()
			.map(type -> safeName(storedName, type))
			.orElse(storedName);
	}

	/** A file that passed {@link #check}: what it is and the name to keep it under. */
	public record Checked(AttachmentType type, String name) {
	}

	/**
	 * Checks a file as case studies and activities take it: not empty, at most {@link #MAX_BYTES},
	 * a PDF or an image by its content, a PDF neither running scripts nor inflating beyond reason.
	 * Refusals name the field {@code field} and the keys {@code <prefix>.empty}, {@code .tooLarge},
	 * {@code .type}, {@code .tooComplex}, {@code .script} and {@code .busy}.
	 */
	public static Checked check(String originalName, byte[] data, String field, String prefix) {
		if (data == null || data.length == 0) {
			throw new Refusal(field, prefix + ".empty");
		}
		if (data.length > MAX_BYTES) {
			throw new Refusal(field, prefix + ".tooLarge");
		}
		AttachmentType type = detect(data).orElseThrow(() -> new Refusal(field, prefix + ".type"));
		if (type == PDF) {
			switch (PdfInspection.inspect(data)) {
				case ACCEPTED -> {
				}
				case TOO_COMPLEX -> throw new Refusal(field, prefix + ".tooComplex");
				case SCRIPT -> throw new Refusal(field, prefix + ".script");
				case BUSY -> throw new Refusal(field, prefix + ".busy");
				case NOT_PDF -> throw new Refusal(field, prefix + ".type");
			}
		}
		return new Checked(type, safeName(originalName, type));
	}
}
