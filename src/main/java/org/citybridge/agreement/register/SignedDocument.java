package org.citybridge.agreement.register;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.citybridge.system.PdfInspection;

import org.springframework.web.multipart.MultipartFile;

/**
 * A signed agreement as uploaded: a PDF of at most 10 MB, judged by its content (the {@code %PDF-}
 * signature and PDFBox reading it within bounds, see {@link PdfInspection}), never by its name or
 * the type the browser claims. A document that unpacks to too much, takes too long to read or runs
 * JavaScript is refused, each with its message next to the field.
 */
record SignedDocument(String fileName, byte[] content, String sha256) {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	static final String CONTENT_TYPE = "application/pdf";

	/** The upload as a document, {@code null} when no file was chosen. */
	static SignedDocument of(MultipartFile file) {
		if (file == null || file.isEmpty()) {
			return null;
		}
		if (file.getSize() > MAX_BYTES) {
			throw new AgreementRefused("document", "agreement.error.document.tooLarge", "10");
		}
		byte[] bytes;
		try (InputStream in = file.getInputStream()) {
			bytes = in.readNBytes(MAX_BYTES + 1);
		}
		catch (IOException ex) {
			throw new AgreementRefused("document", "agreement.error.document.unreadable");
		}
		return of(file.getOriginalFilename(), bytes);
	}

	static SignedDocument of(String originalName, byte[] bytes) {
		if (bytes.length > MAX_BYTES) {
			throw new AgreementRefused("document", "agreement.error.document.tooLarge", "10");
		}
		switch (PdfInspection.inspect(bytes)) {
			case ACCEPTED -> {
			}
			case TOO_COMPLEX -> throw new AgreementRefused("document", "agreement.error.document.tooComplex");
			case SCRIPT -> throw new AgreementRefused("document", "agreement.error.document.script");
			case BUSY -> throw new AgreementRefused("document", "agreement.error.document.busy");
			case NOT_PDF -> throw new AgreementRefused("document", "agreement.error.document.notPdf");
		}
		return new SignedDocument(fileName(originalName), bytes, sha256(bytes));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A safe name to offer for download: no path, no control characters, ends in .pdf. */
	static String fileName(String original) {
		String name = original == null ? "" : original;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
		if (name.length() > 200) {
			name = name.substring(0, 200);
		}
		if (name.isEmpty()) {
			name = "agreement";
		}
		return name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name : name + ".pdf";
	}
}
