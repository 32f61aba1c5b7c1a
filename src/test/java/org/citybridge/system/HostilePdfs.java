package org.citybridge.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDJavascriptNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;

/**
 * PDFs made for the tests, hostile ones included, built in memory: bombs whose streams inflate to
 * far more than the file's size (zeros deflated), and documents that run JavaScript.
 */
public final class HostilePdfs {

	/** What the bombs inflate to, 256 MB: four times what the inspection lets a document unpack to. */
	public static final long BOMB_INFLATES_TO = 256L << 20;

	private HostilePdfs() {
	}

	/** An ordinary document of some pages, as PDFBox writes it (object streams, a cross-reference stream). */
	public static byte[] ordinary(int pages) {
		return build(document -> {
			for (int i = 0; i < pages; i++) {
				document.addPage(new PDPage());
			}
		});
	}

	/**
	 * A one-page document whose cross-reference stream holds its five entries and then
	 * {@code inflated} bytes of zeros: about 1 MB on disk per 256 MB inflated.
	 */
	public static byte[] crossReferenceBomb(long inflated) {
		PdfWriter pdf = new PdfWriter();
		pdf.object(1, "<< /Type /Catalog /Pages 2 0 R >>");
		pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
		pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
		long xref = pdf.offset();
		ByteArrayOutputStream entries = new ByteArrayOutputStream();
		entries.writeBytes(entry(0, 0, 0xFFFF));
		for (int i = 1; i <= 3; i++) {
			entries.writeBytes(entry(1, pdf.offsetOf(i), 0));
		}
		entries.writeBytes(entry(1, xref, 0));
		byte[] data = deflated(entries.toByteArray(), inflated);
		pdf.stream(4, "/Type /XRef /Size 5 /W [1 4 2] /Root 1 0 R /Filter /FlateDecode", data);
		return pdf.end(xref);
	}

	/**
	 * A one-page document whose catalog sits in an object stream padded with {@code inflated}
	 * bytes of zeros; its cross-reference stream is small and not compressed.
	 */
	public static byte[] objectStreamBomb(long inflated) {
		PdfWriter pdf = new PdfWriter();
		pdf.object(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
		pdf.object(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>");
		byte[] objects = "1 0 << /Type /Catalog /Pages 2 0 R >>\n".getBytes(StandardCharsets.US_ASCII);
		pdf.stream(4, "/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", deflated(objects, inflated));
		long xref = pdf.offset();
		ByteArrayOutputStream entries = new ByteArrayOutputStream();
		entries.writeBytes(entry(0, 0, 0xFFFF));
		entries.writeBytes(entry(2, 4, 0));
		for (int i = 2; i <= 4; i++) {
			entries.writeBytes(entry(1, pdf.offsetOf(i), 0));
		}
		entries.writeBytes(entry(1, xref, 0));
		pdf.stream(5, "/Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R", entries.toByteArray());
		return pdf.end(xref);
	}

	/**
	 * An ordinary document written the old way (a cross-reference table, no object streams) whose
	 * {@code startxref} points to the wrong place, as some tools write them: PDF readers repair it.
	 */
	public static byte[] withBrokenCrossReference() {
		byte[] pdf = build(document -> document.addPage(new PDPage()), CompressParameters.NO_COMPRESSION);
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int at = text.lastIndexOf("startxref") + "startxref".length();
		int end = text.indexOf("%%EOF", at);
		return (text.substring(0, at) + "\n" + (Long.parseLong(text.substring(at, end).strip()) + 7) + "\n"
				+ text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A document that runs JavaScript when it is opened. */
	public static byte[] withOpenActionJavaScript() {
		return build(document -> {
			document.addPage(new PDPage());
			document.getDocumentCatalog().setOpenAction(script());
		});
	}

	/** A document with a document-level script in its names dictionary. */
	public static byte[] withDocumentLevelJavaScript() {
		return build(document -> {
			document.addPage(new PDPage());
			PDJavascriptNameTreeNode scripts = new PDJavascriptNameTreeNode();
			scripts.setNames(Map.of("init", script()));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setJavascript(scripts);
			document.getDocumentCatalog().setNames(names);
		});
	}

	/** A document whose second page runs JavaScript when it opens. */
	public static byte[] withPageOpenJavaScript() {
		return build(document -> {
			document.addPage(new PDPage());
			PDPage page = new PDPage();
			document.addPage(page);
			page.getActions().setO(script());
		});
	}

	/** A link whose action goes to a page and then, as its next action, runs JavaScript. */
	public static byte[] withChainedJavaScriptLink() {
		return build(document -> {
			PDPage page = new PDPage();
			document.addPage(page);
			PDPageFitDestination destination = new PDPageFitDestination();
			destination.setPage(page);
			PDActionGoTo goTo = new PDActionGoTo();
			goTo.setDestination(destination);
			goTo.setNext(java.util.List.of(script()));
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(10, 10, 100, 20));
			link.setAction(goTo);
			try {
				page.getAnnotations().add(link);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** A bookmark that starts a program. */
	public static byte[] withLaunchingBookmark() {
		return build(document -> {
			document.addPage(new PDPage());
			PDDocumentOutline outline = new PDDocumentOutline();
			PDOutlineItem item = new PDOutlineItem();
			item.setTitle("Open");
			PDActionLaunch launch = new PDActionLaunch();
			launch.setFile(new org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification());
			item.setAction(launch);
			outline.addLast(item);
			document.getDocumentCatalog().setDocumentOutline(outline);
		});
	}

	/** A form field that checks its value with JavaScript. */
	public static byte[] withFormFieldJavaScript() {
		return build(document -> {
			document.addPage(new PDPage());
			PDAcroForm form = new PDAcroForm(document);
			document.getDocumentCatalog().setAcroForm(form);
			PDTextField field = new PDTextField(form);
			field.setPartialName("amount");
			org.apache.pdfbox.cos.COSDictionary actions = new org.apache.pdfbox.cos.COSDictionary();
			actions.setItem(org.apache.pdfbox.cos.COSName.V, script());
			field.getCOSObject().setItem(org.apache.pdfbox.cos.COSName.AA, actions);
			form.getFields().add(field);
		});
	}

	/** An ordinary document, encrypted with an owner password only (it opens without one). */
	public static byte[] encrypted() {
		return build(document -> {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner secret", "", new AccessPermission());
			policy.setEncryptionKeyLength(128);
			try {
				document.protect(policy);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static PDActionJavaScript script() {
		return new PDActionJavaScript("app.alert('Hello from the PDF');");
	}

	private static byte[] build(Consumer<PDDocument> content) {
		return build(content, CompressParameters.DEFAULT_COMPRESSION);
	}

	private static byte[] build(Consumer<PDDocument> content, CompressParameters compression) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			content.accept(document);
			document.save(out, compression);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] entry(int type, long field2, int field3) {
		return new byte[] { (byte) type, (byte) (field2 >>> 24), (byte) (field2 >>> 16), (byte) (field2 >>> 8),
				(byte) field2, (byte) (field3 >>> 8), (byte) field3 };
	}

	/** {@code head}, then {@code zeros} bytes of zeros, deflated (fast: about 230 to 1). */
	private static byte[] deflated(byte[] head, long zeros) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Deflater deflater = new Deflater(Deflater.BEST_SPEED);
		try (DeflaterOutputStream deflating = new DeflaterOutputStream(out, deflater, 1 << 16)) {
			deflating.write(head);
			byte[] block = new byte[1 << 20];
			for (long n = 0; n < zeros; n += block.length) {
				deflating.write(block, 0, (int) Math.min(block.length, zeros - n));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			deflater.end();
		}
		return out.toByteArray();
	}

	/** Writes a PDF by hand, object by object, remembering where each begins. */
	private static final class PdfWriter {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();

		private final Map<Integer, Long> offsets = new java.util.HashMap<>();

		PdfWriter() {
			text("%PDF-1.5\n%\u00e2\u00e3\u00cf\u00d3\n");
		}

		long offset() {
			return this.out.size();
		}

		long offsetOf(int number) {
			return this.offsets.get(number);
		}

		void object(int number, String body) {
			this.offsets.put(number, offset());
			text(number + " 0 obj\n" + body + "\nendobj\n");
		}

		void stream(int number, String dictionary, byte[] data) {
			this.offsets.put(number, offset());
			text(number + " 0 obj\n<< " + dictionary + " /Length " + data.length + " >>\nstream\n");
			this.out.writeBytes(data);
			text("\nendstream\nendobj\n");
		}

		byte[] end(long startxref) {
			text("startxref\n" + startxref + "\n%%EOF\n");
			return this.out.toByteArray();
		}

		private void text(String s) {
			this.out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
		}
	}
}
