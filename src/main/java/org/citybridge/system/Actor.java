package org.citybridge.system;

import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making the current request, as every feature needs to know it: the account and its role,
 * and the municipality or organisation it acts for. Anonymous visitors have no account.
 */
public record Actor(Long accountId, Role role, Long municipalityId, Long organisationId) {

	/**
	 * What an account may do; a visitor without an account is {@link #ANONYMOUS}. A
	 * {@link #DELEGATE} created their own account: they register for events and sessions, keep
	 * starred sessions and calendar feeds, follow things and manage their account, nothing else.
	 */
	public enum Role {
		ANONYMOUS, DELEGATE, OFFICER, STAFF, ADMIN
	}

	public static final Actor ANONYMOUS = new Actor(null, Role.ANONYMOUS, null, null);

	/** Implemented by the principal that the accounts feature puts into the security context. */
	public interface Source {

		Actor actor();
	}

	/** The actor of the current request, or {@link #ANONYMOUS}. */
	public static Actor current() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken
				|| !authentication.isAuthenticated()) {
			return ANONYMOUS;
		}
		return Optional.ofNullable(authentication.getPrincipal())
			.filter(Source.class::isInstance)
			.map(principal -> ((Source) principal).actor())
			.orElse(ANONYMOUS);
	}

	public boolean isSignedIn() {
		return this.role != Role.ANONYMOUS;
	}
}
