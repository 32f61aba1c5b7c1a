package org.citybridge.agreement.imports;

import java.util.Map;
import java.util.Set;

import org.citybridge.agreement.AgreementSource;
import org.citybridge.system.Actor;

/** Where the import puts matched pairs: the agreement register, through its API. */
interface PartnershipRegister {

	/** A pair of municipalities, smaller id first, so that order does not matter. */
	record Pair(long first, long second) {

		static Pair of(long a, long b) {
			return a < b ? new Pair(a, b) : new Pair(b, a);
		}
	}

	/** Whose list it is, as staff choose it on the upload form (there is no default). */
	enum ListKind {
		WIKIPEDIA, OWN
	}

	/**
	 * How the register names a list's entries: Wikipedia's lists with their licence, or staff's
	 * own list under the name, attribution and address they typed in.
	 */
	record ListSource(AgreementSource.Kind kind, String name, String attribution, String url) {

		static ListSource wikipedia() {
			return new ListSource(AgreementSource.Kind.PUBLIC_LIST, AgreementSource.WIKIPEDIA_NAME,
					AgreementSource.WIKIPEDIA_ATTRIBUTION, AgreementSource.WIKIPEDIA_URL);
		}

		static ListSource own(String name, String attribution, String url) {
			return new ListSource(AgreementSource.Kind.CSV_UPLOAD, name, attribution, url);
		}

		/** The source of one entry, with the row as the list spelled it. */
		AgreementSource forRow(String record) {
			return new AgreementSource(this.kind, this.name, this.attribution, this.url, record);
		}
	}

	/**
	 * Registers each pair (with the row it came from, as the list spelled it) that has no
	 * sister-city agreement yet, active and unverified, and returns those it added; the others were
	 * already present. {@code actor} is null for the command line (the system).
	 */
	Set<Pair> register(Map<Pair, String> pairs, ListSource source, Actor actor, String actorLabel);
}
