package org.citybridge.agreement;

import java.util.Collection;

import org.citybridge.system.Actor;

import org.springframework.stereotype.Component;

/**
 * Who may do what with the register. Network staff and administrators register, edit, import and
 * verify agreements; an officer may propose one that includes their own municipality (it stays
 * unverified) and edit their own proposal until staff verify it. Nobody else writes.
 */
@Component
public class AgreementPolicy {

	/** Staff and administrators keep the register. */
	public boolean mayRegister(Actor actor) {
		return actor.role() == Actor.Role.STAFF || actor.role() == Actor.Role.ADMIN;
	}

	/** An officer proposes only agreements their own municipality is a party to. */
	public boolean mayPropose(Actor actor, Collection<Long> parties) {
		return actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& parties.contains(actor.municipalityId());
	}

	/** Whether the actor may open the form for a new agreement at all. */
	public boolean mayStart(Actor actor) {
		return mayRegister(actor) || (actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null);
	}

	/** Staff edit any agreement; an officer only their own unverified proposal, still with their municipality. */
	public boolean mayEdit(Actor actor, Agreement agreement, Collection<Long> newParties) {
		if (mayRegister(actor)) {
			return true;
		}
		return actor.role() == Actor.Role.OFFICER && !agreement.isVerified() && actor.accountId() != null
				&& actor.accountId().equals(agreement.getProposedByAccountId())
				&& mayPropose(actor, agreement.getPartyKey()) && mayPropose(actor, newParties);
	}

	/** Whether the edit link is shown (writes check {@link #mayEdit(Actor, Agreement, Collection)}). */
	public boolean mayOpenEdit(Actor actor, Agreement agreement) {
		return mayEdit(actor, agreement, agreement.getPartyKey());
	}

	/** Only staff and administrators verify. */
	public boolean mayVerify(Actor actor) {
		return mayRegister(actor);
	}

	/** Only staff and administrators import lists. */
	public boolean mayImport(Actor actor) {
		return mayRegister(actor);
	}

	/**
	 * Who records, edits and removes what the partners did (issue 25): the officers of any party,
	 * and those who may edit the agreement itself (staff and administrators); nobody else.
	 */
	public boolean mayRecordActivities(Actor actor, Agreement agreement) {
		if (mayOpenEdit(actor, agreement)) {
			return true;
		}
		return actor.role() == Actor.Role.OFFICER && actor.municipalityId() != null
				&& agreement.getPartyKey().contains(actor.municipalityId());
	}

	/** Only staff and administrators decide whether a silent partnership is dormant. */
	public boolean mayDecideDormancy(Actor actor) {
		return mayRegister(actor);
	}
}
