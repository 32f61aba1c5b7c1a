package org.citybridge.system.files;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments are what their first bytes say, whatever their name claims. */
class AttachmentTypeTest {

	@Test
	void recognisesPdfAndImagesByTheirMagicBytes() {
		assertThat(AttachmentType.detect("%PDF-1.7\n...".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.PDF);
		assertThat(AttachmentType.detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0 }))
			.contains(AttachmentType.PNG);
		assertThat(AttachmentType.detect(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 })).contains(AttachmentType.JPEG);
		assertThat(AttachmentType.detect("GIF89a....".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.GIF);
		assertThat(AttachmentType.detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))).contains(AttachmentType.WEBP);
	}

	@Test
	void refusesAnythingElse() {
		assertThat(AttachmentType.detect("<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(AttachmentType.detect(" %PDF-1.7".getBytes(StandardCharsets.UTF_8))).isEmpty();
		assertThat(AttachmentType.detect(new byte[0])).isEmpty();
		assertThat(AttachmentType.detect("RIFF\0\0\0\0WAVE".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	@Test
	void fileNamesLoseTheirPathAndOddCharacters() {
		assertThat(AttachmentType.safeName("../../etc/passwd", AttachmentType.PDF)).isEqualTo("passwd.pdf");
		assertThat(AttachmentType.safeName("C:\\Users\\x\\report \"final\".pdf", AttachmentType.PDF)).isEqualTo("report _final_.pdf");
		assertThat(AttachmentType.safeName(".htaccess", AttachmentType.PNG)).isEqualTo("attachment.png");
		assertThat(AttachmentType.safeName(null, AttachmentType.GIF)).isEqualTo("attachment.gif");
	}

	@Test
	void fileNamesEndWithTheExtensionOfWhatTheFileIs() {
		assertThat(AttachmentType.safeName("minutes.html", AttachmentType.PDF)).isEqualTo("minutes.html.pdf");
		assertThat(AttachmentType.safeName("photo.JPG", AttachmentType.JPEG)).isEqualTo("photo.JPG");
		assertThat(AttachmentType.safeName("photo.jpeg", AttachmentType.JPEG)).isEqualTo("photo.jpeg");
		assertThat(AttachmentType.safeName("map.png", AttachmentType.GIF)).isEqualTo("map.png.gif");
		assertThat(AttachmentType.safeName("x".repeat(150) + ".svg", AttachmentType.WEBP)).hasSize(100).endsWith(".svg.webp");
		assertThat(AttachmentType.downloadName("page.html", "application/pdf")).isEqualTo("page.html.pdf");
		assertThat(AttachmentType.downloadName("report.pdf", "application/pdf")).isEqualTo("report.pdf");
	}
}
