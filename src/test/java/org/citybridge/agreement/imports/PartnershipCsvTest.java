package org.citybridge.agreement.imports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A partnership list is read within bounds: a gzip bomb of one endless field is refused, not held in memory. */
class PartnershipCsvTest {

	static final String HEADER = "city1,country1,lat1,lng1,city2,country2,lat2,lng2\n";

	@Test
	void aGzipBombOfOneEndlessFieldIsRefusedWithAMessageBeforeItFillsTheMemory() {
		// 512 MB of zeros after "Ghent,Belgium,", compressed as it is read: a field without end
		InputStream bomb = new LazyGzip((HEADER + "Ghent,Belgium,").getBytes(StandardCharsets.UTF_8), 512L << 20);
		long before = allocated();
		assertThatThrownBy(() -> PartnershipCsv.read(bomb)).isInstanceOf(PartnershipFileInvalid.class)
			.hasMessageStartingWith("Row 2 is longer than 64 KB")
			.extracting(ex -> ((PartnershipFileInvalid) ex).messageKey()).isEqualTo("agreement.imports.file.rowTooLong");
		assertThat(allocated() - before).isLessThan(64L << 20);
	}

	@Test
	void aQuotedFieldThatGoesOnOverManyShortLinesIsRefusedToo() {
		StringBuilder csv = new StringBuilder(HEADER).append("Ghent,Belgium,51.05,3.72,\"");
		for (int i = 0; i < 20_000; i++) {
			csv.append("line ").append(i).append('\n');
		}
		csv.append("\",Mongolia,49.48,105.92\n");
		assertThatThrownBy(() -> PartnershipCsv.read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))))
			.isInstanceOf(PartnershipFileInvalid.class)
			.extracting(ex -> ((PartnershipFileInvalid) ex).messageKey()).isEqualTo("agreement.imports.file.rowTooLong");
	}

	@Test
	void rowsUpTo64KilobytesAndQuotedLineBreaksAreRead() {
		String longName = "x".repeat(64 * 1024 - 100);
		String csv = HEADER + longName + ",Belgium,51.05,3.72,Darkhan,Mongolia,49.48,105.92\n"
				+ "\"Ghent\nCity\",Belgium,51.05,3.72,Darkhan,Mongolia,49.48,105.92\n";
		var rows = PartnershipCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(rows).hasSize(2);
		assertThat(rows.get(0).first().name()).hasSize(300);
		assertThat(rows.get(1).first().name()).isEqualTo("Ghent\nCity");
		assertThat(rows.get(1).line()).isEqualTo(3);
	}

	static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	/** A gzip stream of a head and then zeros, compressed only as far as it is read. */
	static final class LazyGzip extends InputStream {

		private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();

		private final GZIPOutputStream gzip;

		private byte[] ready = new byte[0];

		private int at;

		private long zerosLeft;

		LazyGzip(byte[] head, long zeros) {
			try {
				this.gzip = new GZIPOutputStream(this.compressed, 1 << 16) {
					{
						this.def.setLevel(Deflater.BEST_SPEED);
					}
				};
				this.gzip.write(head);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.zerosLeft = zeros;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return read(one, 0, 1) == -1 ? -1 : one[0] & 0xFF;
		}

		@Override
		public int read(byte[] b, int offset, int length) throws IOException {
			while (this.at == this.ready.length) {
				if (this.zerosLeft < 0) {
					return -1;
				}
				if (this.zerosLeft == 0) {
					this.gzip.finish();
					this.zerosLeft = -1;
				}
				else {
					int n = (int) Math.min(1 << 20, this.zerosLeft);
					this.gzip.write(new byte[n]);
					this.zerosLeft -= n;
				}
				this.ready = this.compressed.toByteArray();
				this.compressed.reset();
				this.at = 0;
			}
			int n = Math.min(length, this.ready.length - this.at);
			System.arraycopy(this.ready, this.at, b, offset, n);
			this.at += n;
			return n;
		}
	}
}
