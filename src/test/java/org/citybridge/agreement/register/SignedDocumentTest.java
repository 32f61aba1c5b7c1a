package org.citybridge.agreement.register;

import java.lang.management.ManagementFactory;

import org.citybridge.system.HostilePdfs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A signed agreement is a PDF that can be read within bounds and runs nothing: a file whose
 * streams inflate to hundreds of megabytes is refused before they are inflated, and one with
 * JavaScript is refused, each with its own message next to the field.
 */
class SignedDocumentTest {

	@Test
	void aPdfWhoseCrossReferenceStreamInflatesToHundredsOfMegabytesIsRefusedWithoutFillingTheMemory() {
		byte[] bomb = HostilePdfs.crossReferenceBomb(HostilePdfs.BOMB_INFLATES_TO);
		assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
		long before = allocatedByThisThread();
		assertThatThrownBy(() -> SignedDocument.of("bomb.pdf", bomb)).isInstanceOf(AgreementRefused.class)
			.hasMessage("agreement.error.document.tooComplex");
		// Reading it unbounded allocates what it inflates to (256 MB), and more.
		assertThat(allocatedByThisThread() - before).isLessThan(64L * 1024 * 1024);
	}

	@Test
	void aPdfWhoseObjectStreamInflatesToHundredsOfMegabytesIsRefused() {
		byte[] bomb = HostilePdfs.objectStreamBomb(HostilePdfs.BOMB_INFLATES_TO);
		long before = allocatedByThisThread();
		assertThatThrownBy(() -> SignedDocument.of("bomb.pdf", bomb)).isInstanceOf(AgreementRefused.class)
			.hasMessage("agreement.error.document.tooComplex");
		assertThat(allocatedByThisThread() - before).isLessThan(64L * 1024 * 1024);
	}

	@Test
	void aPdfThatRunsJavaScriptWhenOpenedIsRefused() {
		assertThatThrownBy(() -> SignedDocument.of("signed.pdf", HostilePdfs.withOpenActionJavaScript()))
			.isInstanceOf(AgreementRefused.class)
			.hasMessage("agreement.error.document.script");
		assertThatThrownBy(() -> SignedDocument.of("signed.pdf", HostilePdfs.withChainedJavaScriptLink()))
			.isInstanceOf(AgreementRefused.class)
			.hasMessage("agreement.error.document.script");
	}

	@Test
	void anOrdinaryPdfIsAccepted() {
		byte[] pdf = HostilePdfs.ordinary(3);
		assertThat(SignedDocument.of("signed.pdf", pdf).content()).isEqualTo(pdf);
		assertThat(SignedDocument.of("protected.pdf", HostilePdfs.encrypted()).fileName()).isEqualTo("protected.pdf");
	}

	static long allocatedByThisThread() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}
}
