package org.citybridge.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Uploads are unpacked when compressed, whatever their name, and refused past the limit. */
class UnpackedTest {

	@Test
	void aCompressedFileIsUnpackedAndRefusedOnceItPassesTheLimit() throws IOException {
		byte[] small = gzip(new byte[1000]);
		try (InputStream in = Unpacked.of(new ByteArrayInputStream(small), 1000)) {
			assertThat(in.readAllBytes()).hasSize(1000);
		}
		try (InputStream in = Unpacked.of(new ByteArrayInputStream(gzip(new byte[4 << 20])), 1 << 20)) {
			assertThatThrownBy(in::readAllBytes).isInstanceOf(Unpacked.TooLarge.class)
				.hasMessage("The compressed file unpacks to more than 1 MB");
		}
	}

	@Test
	void aPlainFileIsReadAsItIs() throws IOException {
		byte[] plain = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8);
		try (InputStream in = Unpacked.of(new ByteArrayInputStream(plain), 1)) {
			assertThat(in.readAllBytes()).isEqualTo(plain);
		}
	}

	static byte[] gzip(byte[] data) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(data);
		}
		return out.toByteArray();
	}
}
