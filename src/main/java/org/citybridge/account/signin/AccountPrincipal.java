package org.citybridge.account.signin;

import java.io.Serializable;
import java.util.Collection;
import java.util.List;

import org.citybridge.system.Actor;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.citybridge.account.Account;

/** The signed-in account as Spring Security keeps it in the (JDBC) session. */
final class AccountPrincipal implements UserDetails, CredentialsContainer, Actor.Source, Serializable {

	private static final long serialVersionUID = 1L;

	private final long accountId;

	private final String email;

	private final String displayName;

	private final Actor.Role role;

	private final Long municipalityId;

	private final Long organisationId;

	private final boolean enabled;

	private String passwordHash;

	AccountPrincipal(Account account) {
		this.accountId = account.getId();
		this.email = account.getEmail();
		this.displayName = account.getDisplayName();
		this.role = account.getRole();
		this.municipalityId = account.getMunicipalityId();
		this.organisationId = account.getOrganisationId();
		this.enabled = account.isEnabled() && !account.isErased();
		this.passwordHash = account.getPasswordHash();
	}

	@Override
	public Actor actor() {
		return new Actor(this.accountId, this.role, this.municipalityId, this.organisationId);
	}

	String displayName() {
		return this.displayName != null ? this.displayName : this.email;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.email;
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}
}
