package org.citybridge.matchmaking;

import org.citybridge.system.Actor;

/**
 * Who may do what with a partnership request. Officers act for their own municipality only: the
 * receiving side answers, the sending side withdraws, both reply while it is pending. Staff of a
 * network either side belongs to, and administrators, read every step but do not write.
 */
final class RequestPolicy {

	private RequestPolicy() {
	}

	static boolean mayRead(Actor actor, Requests.Request request, Requests requests) {
		return switch (actor.role()) {
			case ADMIN -> true;
			case OFFICER -> isSide(actor, request.fromId()) || isSide(actor, request.toId());
			case STAFF -> actor.organisationId() != null
					&& (requests.organisationHasMember(actor.organisationId(), request.fromId())
							|| requests.organisationHasMember(actor.organisationId(), request.toId()));
			default -> false;
		};
	}

	static boolean maySend(Actor actor, long toMunicipalityId) {
		return actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& actor.municipalityId() != toMunicipalityId;
	}

	static boolean mayAnswer(Actor actor, Requests.Request request) {
		return isSide(actor, request.toId());
	}

	static boolean mayWithdraw(Actor actor, Requests.Request request) {
		return isSide(actor, request.fromId());
	}

	static boolean mayReply(Actor actor, Requests.Request request) {
		return isSide(actor, request.fromId()) || isSide(actor, request.toId());
	}

	/** Which side the actor writes for: FROM, TO, or null for neither. */
	static String side(Actor actor, Requests.Request request) {
		return isSide(actor, request.fromId()) ? "FROM" : isSide(actor, request.toId()) ? "TO" : null;
	}

	private static boolean isSide(Actor actor, long municipalityId) {
		return actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& actor.municipalityId() == municipalityId;
	}
}
