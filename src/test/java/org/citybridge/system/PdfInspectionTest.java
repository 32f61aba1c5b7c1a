package org.citybridge.system;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.citybridge.system.PdfInspection.Result;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploaded PDFs are read within bounds (what their streams unpack to, the time it takes) and
 * refused when they would run code, wherever a reader would trigger it.
 */
class PdfInspectionTest {

	@Test
	void ordinaryDocumentsAreAcceptedAnEncryptedOneThatOpensWithoutPasswordToo() {
		assertThat(PdfInspection.inspect(HostilePdfs.ordinary(3))).isEqualTo(Result.ACCEPTED);
		assertThat(PdfInspection.inspect(HostilePdfs.encrypted())).isEqualTo(Result.ACCEPTED);
	}

	@Test
	void streamsThatUnpackBeyondTheLimitAreRefusedBeforePdfboxInflatesThem() {
		assertThat(HostilePdfs.BOMB_INFLATES_TO).isGreaterThanOrEqualTo(4 * PdfInspection.MAX_DECODED_BYTES);
		for (byte[] bomb : java.util.List.of(HostilePdfs.crossReferenceBomb(HostilePdfs.BOMB_INFLATES_TO),
				HostilePdfs.objectStreamBomb(HostilePdfs.BOMB_INFLATES_TO))) {
			long before = allocated();
			assertThat(PdfInspection.inspect(bomb)).isEqualTo(Result.TOO_COMPLEX);
			assertThat(allocated() - before).isLessThan(PdfInspection.MAX_DECODED_BYTES);
		}
		// the same structure, small, is an ordinary document
		assertThat(PdfInspection.inspect(HostilePdfs.crossReferenceBomb(1 << 20))).isEqualTo(Result.ACCEPTED);
		assertThat(PdfInspection.inspect(HostilePdfs.objectStreamBomb(1 << 20))).isEqualTo(Result.ACCEPTED);
	}

	@Test
	void aDocumentThatTakesLongerThanTheTimeLimitIsRefused() {
		byte[] pdf = HostilePdfs.ordinary(2_000);
		assertThat(PdfInspection.inspect(pdf, PdfInspection.MAX_DECODED_BYTES, Duration.ofMillis(1))).isEqualTo(Result.TOO_COMPLEX);
		assertThat(PdfInspection.inspect(pdf)).isEqualTo(Result.ACCEPTED);
	}

	@Test
	void aDamagedCrossReferenceIsRepairedButNotWhenObjectStreamsWouldBeInflatedUncounted() {
		assertThat(PdfInspection.inspect(HostilePdfs.withBrokenCrossReference())).isEqualTo(Result.ACCEPTED);
		// repairing searches the file for object streams and inflates them whole: not for this one
		byte[] bomb = HostilePdfs.objectStreamBomb(HostilePdfs.BOMB_INFLATES_TO);
		String text = new String(bomb, StandardCharsets.ISO_8859_1);
		int at = text.lastIndexOf("startxref") + "startxref\n".length();
		byte[] damaged = (text.substring(0, at) + "12" + text.substring(at)).getBytes(StandardCharsets.ISO_8859_1);
		long before = allocated();
		assertThat(PdfInspection.inspect(damaged)).isIn(Result.NOT_PDF, Result.TOO_COMPLEX);
		assertThat(allocated() - before).isLessThan(PdfInspection.MAX_DECODED_BYTES);
	}

	@Test
	void javaScriptOrALaunchActionAnywhereAReaderWouldRunItIsRefused() {
		assertThat(PdfInspection.inspect(HostilePdfs.withOpenActionJavaScript())).isEqualTo(Result.SCRIPT);
		assertThat(PdfInspection.inspect(HostilePdfs.withDocumentLevelJavaScript())).isEqualTo(Result.SCRIPT);
		assertThat(PdfInspection.inspect(HostilePdfs.withPageOpenJavaScript())).isEqualTo(Result.SCRIPT);
		assertThat(PdfInspection.inspect(HostilePdfs.withChainedJavaScriptLink())).isEqualTo(Result.SCRIPT);
		assertThat(PdfInspection.inspect(HostilePdfs.withFormFieldJavaScript())).isEqualTo(Result.SCRIPT);
		assertThat(PdfInspection.inspect(HostilePdfs.withLaunchingBookmark())).isEqualTo(Result.SCRIPT);
	}

	@Test
	void whatIsNoPdfIsSaidSo() {
		assertThat(PdfInspection.inspect("just text".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Result.NOT_PDF);
		assertThat(PdfInspection.inspect("%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII))).isEqualTo(Result.NOT_PDF);
		assertThat(PdfInspection.inspect(new byte[0])).isEqualTo(Result.NOT_PDF);
	}

	static long allocated() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}
}
