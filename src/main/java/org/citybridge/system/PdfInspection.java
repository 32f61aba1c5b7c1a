package org.citybridge.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Reads an uploaded PDF the way a careful reader would: within bounds, and refusing documents
 * that run code. Shared by the features that accept PDFs (signed agreements, case-study
 * attachments); each says the verdict in its own words.
 * <p>
 * PDFBox inflates the streams it reads while loading a document (cross-reference streams, object
 * streams) whole into memory, whatever {@link MemoryUsageSetting} says: a 1 MB file whose
 * cross-reference stream inflates to gigabytes fills the heap. So every stream PDFBox parses here
 * is first decoded to nowhere, counting, and the document is refused once the count passes
 * {@link #MAX_DECODED_BYTES}, before PDFBox inflates it; streams it writes aside (decrypted ones)
 * go to a memory cache bounded the same. The whole reading stops at {@link #MAX_TIME}: the file
 * is read through a source that fails once the time is over. At most {@link #AT_ONCE} documents
 * are read at a time, so that many uploads together stay bounded too.
 * <p>
 * PDFBox repairs a damaged cross-reference by searching the file, and then inflates the object
 * streams it finds without passing through the count above: a damaged file is repaired only when
 * it has no object streams.
 * <p>
 * A document is refused as running code when its catalog, a page, an annotation, a form field or
 * a bookmark has a JavaScript or Launch action (directly or as a next action), or when it has
 * document-level scripts.
 */
public final class PdfInspection {

	/** What a document is, as far as the portal accepts it. */
	public enum Result {
		/** A PDF of at least one page, read within bounds, that runs no code. */
		ACCEPTED,
		/** Not a PDF, damaged beyond repair, without pages, or protected by a password. */
		NOT_PDF,
		/** Its structure unpacks to more than {@link #MAX_DECODED_BYTES} or takes more than {@link #MAX_TIME} to read. */
		TOO_COMPLEX,
		/** It has JavaScript or an action that starts a program. */
		SCRIPT,
		/** Other documents were being read for the whole of {@link #MAX_TIME}: try again later. */
		BUSY
	}

	/** The most the streams read while loading a document may unpack to: 64 MB. */
	public static final long MAX_DECODED_BYTES = 64L << 20;

	/** The longest a document may take to read: 10 seconds. */
	public static final Duration MAX_TIME = Duration.ofSeconds(10);

	/** How many documents are read at once. */
	static final int AT_ONCE = 2;

	private static final Semaphore READERS = new Semaphore(AT_ONCE, true);

	private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] OBJECT_STREAM = "/ObjStm".getBytes(StandardCharsets.US_ASCII);

	/** Filters a cross-reference or object stream may use; image codecs would decode pictures, not count bytes. */
	private static final Set<COSName> COUNTABLE_FILTERS = Set.of(COSName.FLATE_DECODE, COSName.FLATE_DECODE_ABBREVIATION,
			COSName.LZW_DECODE, COSName.LZW_DECODE_ABBREVIATION, COSName.ASCII_HEX_DECODE,
			COSName.ASCII_HEX_DECODE_ABBREVIATION, COSName.ASCII85_DECODE, COSName.ASCII85_DECODE_ABBREVIATION,
			COSName.RUN_LENGTH_DECODE, COSName.RUN_LENGTH_DECODE_ABBREVIATION, COSName.CRYPT);

	private static final Set<COSName> CODE_ACTIONS = Set.of(COSName.JAVA_SCRIPT, COSName.getPDFName("Launch"));

	private PdfInspection() {
	}

	/** Reads the document within the portal's bounds. */
	public static Result inspect(byte[] pdf) {
		return inspect(pdf, MAX_DECODED_BYTES, MAX_TIME);
	}

	static Result inspect(byte[] pdf, long maxDecodedBytes, Duration maxTime) {
		if (pdf == null || !startsWith(pdf, MAGIC)) {
			return Result.NOT_PDF;
		}
		try {
			if (!READERS.tryAcquire(maxTime.toNanos(), TimeUnit.NANOSECONDS)) {
				return Result.BUSY;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Result.BUSY;
		}
		try {
			long deadline = System.nanoTime() + maxTime.toNanos();
			Budget strict = new Budget(maxDecodedBytes, deadline);
			Result verdict = read(pdf, strict, false);
			if (verdict == Result.NOT_PDF && !strict.exceeded() && indexOf(pdf, OBJECT_STREAM) < 0) {
				verdict = read(pdf, new Budget(maxDecodedBytes, deadline), true);
			}
			return verdict;
		}
		finally {
			READERS.release();
		}
	}

	private static Result read(byte[] pdf, Budget budget, boolean repair) {
		try (PDDocument document = new BoundedParser(pdf, budget).parse(repair)) {
			if (budget.exceeded()) {
				return Result.TOO_COMPLEX;
			}
			if (document.getNumberOfPages() < 1) {
				return Result.NOT_PDF;
			}
			boolean code = runsCode(document.getDocumentCatalog().getCOSObject(), budget);
			if (budget.exceeded()) {
				return Result.TOO_COMPLEX;
			}
			return code ? Result.SCRIPT : Result.ACCEPTED;
		}
		catch (IOException | RuntimeException | StackOverflowError ex) {
			return budget.exceeded() || ex instanceof StackOverflowError ? Result.TOO_COMPLEX : Result.NOT_PDF;
		}
	}

	/**
	 * Whether an action that runs code hangs anywhere a reader would trigger it. Walks the catalog,
	 * the page tree, annotations, form fields and bookmarks without recursion and without reading
	 * any content stream.
	 */
	private static boolean runsCode(COSDictionary catalog, Budget budget) throws IOException {
		COSDictionary names = catalog.getCOSDictionary(COSName.NAMES);
		if (names != null && names.containsKey(COSName.JAVA_SCRIPT)) {
			return true;
		}
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<COSBase> actions = new ArrayDeque<>();
		add(actions, catalog.getItem(COSName.OPEN_ACTION));
		additionalActions(catalog, actions);
		Deque<COSBase> nodes = new ArrayDeque<>();
		add(nodes, catalog.getItem(COSName.PAGES));
		COSDictionary form = catalog.getCOSDictionary(COSName.ACRO_FORM);
		if (form != null) {
			add(nodes, form.getItem(COSName.FIELDS));
		}
		COSDictionary outlines = catalog.getCOSDictionary(COSName.OUTLINES);
		if (outlines != null) {
			add(nodes, outlines.getItem(COSName.FIRST));
		}
		while (!nodes.isEmpty()) {
			budget.tick();
			COSBase node = nodes.removeFirst();
			if (!seen.add(node)) {
				continue;
			}
			if (node instanceof COSArray array) {
				for (COSBase item : array) {
					add(nodes, item);
				}
				continue;
			}
			if (!(node instanceof COSDictionary dictionary) || node instanceof COSStream) {
				continue;
			}
			// pages and their parents, annotations, fields and their kids, bookmarks and their siblings
			add(actions, dictionary.getItem(COSName.A));
			additionalActions(dictionary, actions);
			for (COSName next : List.of(COSName.KIDS, COSName.ANNOTS, COSName.FIRST, COSName.NEXT)) {
				add(nodes, dictionary.getItem(next));
			}
		}
		while (!actions.isEmpty()) {
			budget.tick();
			COSBase action = actions.removeFirst();
			if (!seen.add(action)) {
				continue;
			}
			if (action instanceof COSArray array) {
				for (COSBase item : array) {
					add(actions, item);
				}
				continue;
			}
			if (!(action instanceof COSDictionary dictionary) || action instanceof COSStream) {
				continue;
			}
			if (CODE_ACTIONS.contains(dictionary.getCOSName(COSName.S)) || dictionary.containsKey(COSName.JS)) {
				return true;
			}
			add(actions, dictionary.getItem(COSName.NEXT));
		}
		return false;
	}

	/** The actions of an {@code /AA} dictionary (opening, closing, keystrokes, validation, …). */
	private static void additionalActions(COSDictionary dictionary, Deque<COSBase> actions) {
		if (dereferenced(dictionary.getItem(COSName.AA)) instanceof COSDictionary additional
				&& !(additional instanceof COSStream)) {
			for (COSBase action : additional.getValues()) {
				add(actions, action);
			}
		}
	}

	/** Adds what the item refers to, if anything. */
	private static void add(Deque<COSBase> queue, COSBase item) {
		COSBase base = dereferenced(item);
		if (base != null) {
			queue.add(base);
		}
	}

	private static COSBase dereferenced(COSBase base) {
		return base instanceof COSObject object ? object.getObject() : base;
	}

	private static boolean startsWith(byte[] data, byte[] prefix) {
		if (data.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static int indexOf(byte[] data, byte[] part) {
		outer: for (int i = 0; i + part.length <= data.length; i++) {
			for (int j = 0; j < part.length; j++) {
				if (data[i + j] != part[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** A bound passed: the decoded bytes or the time. */
	private static final class Exceeded extends IOException {

		private static final long serialVersionUID = 1L;

		Exceeded() {
			super("The document exceeds the bounds of reading it");
		}
	}

	/**
	 * What a reading may still spend: decoded bytes and time. Once exceeded it stays so, since
	 * PDFBox swallows some failures (an object that cannot be read becomes null) and goes on.
	 */
	private static final class Budget {

		private long bytesLeft;

		private final long deadline;

		private boolean exceeded;

		private int ticks;

		Budget(long bytes, long deadline) {
			this.bytesLeft = bytes;
			this.deadline = deadline;
		}

		void spend(long bytes) throws Exceeded {
			this.bytesLeft -= bytes;
			if (this.bytesLeft < 0) {
				throw exceed();
			}
			tick();
		}

		void tick() throws Exceeded {
			if (this.exceeded || ((++this.ticks & 0xFF) == 0 && System.nanoTime() - this.deadline > 0)) {
				throw exceed();
			}
		}

		boolean exceeded() {
			return this.exceeded || System.nanoTime() - this.deadline > 0;
		}

		private Exceeded exceed() {
			this.exceeded = true;
			return new Exceeded();
		}
	}

	/** The file as PDFBox reads it, failing once the time is over. */
	private static final class Source extends RandomAccessReadBuffer {

		private final Budget budget;

		Source(byte[] bytes, Budget budget) {
			super(bytes);
			this.budget = budget;
		}

		@Override
		public int read() throws IOException {
			this.budget.tick();
			return super.read();
		}

		@Override
		public int read(byte[] b, int offset, int length) throws IOException {
			this.budget.tick();
			return super.read(b, offset, length);
		}
	}

	/** PDFBox's parser, counting what each stream it reads unpacks to before PDFBox inflates it. */
	private static final class BoundedParser extends PDFParser {

		private final Budget budget;

		private final Set<Long> countedObjectStreams = new HashSet<>();

		BoundedParser(byte[] pdf, Budget budget) throws IOException {
			super(new Source(pdf, budget), "", null, null,
					MemoryUsageSetting.setupMainMemoryOnly(MAX_DECODED_BYTES).streamCache);
			this.budget = budget;
		}

		/** Every stream as it is parsed: a cross-reference stream, an object stream, anything a walk reaches. */
		@Override
		protected COSStream parseCOSStream(COSDictionary dictionary) throws IOException {
			COSStream stream = super.parseCOSStream(dictionary);
			if (this.securityHandler == null) {
				count(stream);
			}
			// In an encrypted document a stream is decrypted after this; object streams are counted below.
			return stream;
		}

		@Override
		protected COSBase parseObjectStreamObject(long objectStreamNumber, COSObjectKey key) throws IOException {
			if (this.securityHandler != null && this.countedObjectStreams.add(objectStreamNumber)
					&& this.document.getObjectFromPool(getObjectKey(objectStreamNumber, 0)).getObject() instanceof COSStream stream) {
				count(stream);
			}
			return super.parseObjectStreamObject(objectStreamNumber, key);
		}

		/** Decodes the stream to nowhere, spending what it unpacks to; only a filter chain's middle steps are kept. */
		private void count(COSStream stream) throws IOException {
			List<COSName> names = new ArrayList<>();
			COSBase filters = stream.getFilters();
			if (filters instanceof COSName name) {
				names.add(name);
			}
			else if (filters instanceof COSArray array) {
				for (COSBase item : array) {
					if (!(item instanceof COSName name)) {
						throw new IOException("A filter that is not a name");
					}
					names.add(name);
				}
			}
			byte[] input = null;
			for (int i = 0; i < names.size(); i++) {
				if (!COUNTABLE_FILTERS.contains(names.get(i))) {
					throw this.budget.exceed();
				}
				Counting out = new Counting(this.budget, i < names.size() - 1);
				try (InputStream in = input == null ? stream.createRawInputStream() : new ByteArrayInputStream(input)) {
					FilterFactory.INSTANCE.getFilter(names.get(i)).decode(in, out, stream, i);
				}
				input = out.kept();
			}
		}
	}

	/** Where a stream is decoded to: counts, and keeps the bytes only when another filter follows. */
	private static final class Counting extends OutputStream {

		private final Budget budget;

		private final ByteArrayOutputStream kept;

		Counting(Budget budget, boolean keep) {
			this.budget = budget;
			this.kept = keep ? new ByteArrayOutputStream() : null;
		}

		@Override
		public void write(int b) throws IOException {
			this.budget.spend(1);
			if (this.kept != null) {
				this.kept.write(b);
			}
		}

		@Override
		public void write(byte[] b, int offset, int length) throws IOException {
			this.budget.spend(length);
			if (this.kept != null) {
				this.kept.write(b, offset, length);
			}
		}

		byte[] kept() {
			return this.kept == null ? null : this.kept.toByteArray();
		}
	}
}
