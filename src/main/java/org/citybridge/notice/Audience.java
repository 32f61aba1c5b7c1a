package org.citybridge.notice;

import java.util.Collection;
import java.util.List;

/** Who an announcement goes to; several audiences are merged and each person hears it once. */
public sealed interface Audience {

	/** These accounts. */
	record Accounts(List<Long> accountIds) implements Audience {
	}

	/** The active officers of a municipality. */
	record OfficersOf(long municipalityId) implements Audience {
	}

	/** The active staff of an organisation. */
	record StaffOf(long organisationId) implements Audience {
	}

	/** Every active administrator. */
	record Administrators() implements Audience {
	}

	/** The people who follow this thing. */
	record Followers(Followable type, long id) implements Audience {
	}

	static Audience account(long accountId) {
		return new Accounts(List.of(accountId));
	}

	static Audience accounts(Collection<Long> accountIds) {
		return new Accounts(List.copyOf(accountIds));
	}

	static Audience officersOf(long municipalityId) {
		return new OfficersOf(municipalityId);
	}

	static Audience staffOf(long organisationId) {
		return new StaffOf(organisationId);
	}

	static Audience administrators() {
		return new Administrators();
	}

	static Audience followers(Followable type, long id) {
		return new Followers(type, id);
	}
}
