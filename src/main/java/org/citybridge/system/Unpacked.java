package org.citybridge.system;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * An uploaded file as an import reads it: unpacked when it is gzip-compressed (known by its first
 * two bytes, whatever its name), and refused with {@link TooLarge} as soon as it unpacks to more
 * than a limit, so that a compressed bomb (10 GB of zeros in 10 MB) is never read to its end.
 * The imports of places and of partnerships read their files through it.
 */
public final class Unpacked {

	private static final int BUFFER = 1 << 16;

	private Unpacked() {
	}

	/** The data of {@code raw}, unpacked if compressed; the caller closes it (and with it {@code raw}). */
	public static InputStream of(InputStream raw, long maxUnpackedBytes) throws IOException {
		BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
		in.mark(2);
		int first = in.read();
		int second = in.read();
		in.reset();
		if (first == 0x1f && second == 0x8b) {
			return new BufferedInputStream(new Bounded(new GZIPInputStream(in, BUFFER), maxUnpackedBytes), BUFFER);
		}
		return in;
	}

	/** The compressed file unpacks to more than {@link #limit()} bytes. */
	public static final class TooLarge extends IOException {

		private static final long serialVersionUID = 1L;

		private final long limit;

		TooLarge(long limit) {
			super("The compressed file unpacks to more than " + limit / (1L << 20) + " MB");
			this.limit = limit;
		}

		public long limit() {
			return this.limit;
		}
	}

	/** A stream that refuses to give more than its limit. */
	private static final class Bounded extends FilterInputStream {

		private final long limit;

		private long read;

		Bounded(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b != -1) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(long n) throws TooLarge {
			this.read += n;
			if (this.read > this.limit) {
				throw new TooLarge(this.limit);
			}
		}
	}
}
