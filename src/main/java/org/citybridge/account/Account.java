package org.citybridge.account;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.LinkedHashMap;
import java.util.Map;

import org.citybridge.system.Actor;

/** A person's account: one role, scoped to one municipality (officer) or organisation (staff). */
@Entity
@Table(name = "accounts")
public class Account {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String email;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Actor.Role role;

	private Long municipalityId;

	private Long organisationId;

	private boolean enabled;

	private String language = "en";

	private Instant deletedAt;

	@Version
	private long version;

	private Instant createdAt;

	private Instant updatedAt;

	protected Account() {
	}

	Account(String email, String displayName, Actor.Role role, Long municipalityId, Long organisationId) {
		if (role == Actor.Role.ANONYMOUS) {
			throw new IllegalArgumentException("An account has a role");
		}
		this.email = email.strip().toLowerCase(java.util.Locale.ROOT);
		this.displayName = displayName == null ? null : displayName.strip();
		this.role = role;
		this.municipalityId = role == Actor.Role.OFFICER ? municipalityId : null;
		this.organisationId = role == Actor.Role.STAFF ? organisationId : null;
	}

	/** The languages an account reads its mails and notices in. */
	public static final java.util.List<String> LANGUAGES = java.util.List.of("en", "mn", "fr");

	/** The account's language for a locale: its language if the portal speaks it, else English. */
	public static String languageOf(java.util.Locale locale) {
		String language = locale == null ? "en" : locale.getLanguage();
		return LANGUAGES.contains(language) ? language : "en";
	}

	/** A delegate who signs up: no municipality, no organisation, unusable until the address is confirmed. */
	static Account delegate(String email, String displayName, String language) {
		Account account = new Account(email, displayName, Actor.Role.DELEGATE, null, null);
		account.language = language;
		return account;
	}

	/** Whether this is a delegate's sign-up whose address was never confirmed (no password yet). */
	boolean isUnconfirmedSignUp() {
		return this.role == Actor.Role.DELEGATE && this.passwordHash == null && this.deletedAt == null;
	}

	/** A new sign-up for an address whose earlier one was never confirmed: the latest name and language. */
	void signedUpAgain(String displayName, String language) {
		this.displayName = displayName == null ? null : displayName.strip();
		this.language = language;
	}

	/** Sets the language of mails and notices; one of {@link #LANGUAGES}. */
	public void changeLanguage(String language) {
		if (!LANGUAGES.contains(language)) {
			throw new AccountRefused("language", "account.language.invalid");
		}
		this.language = language;
	}

	@PrePersist
	void created() {
		this.createdAt = Instant.now();
		this.updatedAt = this.createdAt;
	}

	@PreUpdate
	void updated() {
		this.updatedAt = Instant.now();
	}

	/** Sets the password (already hashed) and opens the account. */
	public void activate(String passwordHash) {
		if (this.deletedAt != null) {
			throw new IllegalStateException("An erased account cannot be activated");
		}
		this.passwordHash = passwordHash;
		this.enabled = true;
	}

	void deactivate() {
		this.enabled = false;
	}

	void changeRole(Actor.Role role, Long municipalityId, Long organisationId) {
		this.role = role;
		this.municipalityId = role == Actor.Role.OFFICER ? municipalityId : null;
		this.organisationId = role == Actor.Role.STAFF ? organisationId : null;
	}

	/** GDPR erasure: nothing that identifies the person remains. */
	public void erase() {
		this.email = "erased-" + this.id + "@invalid";
		this.displayName = null;
		this.passwordHash = null;
		this.enabled = false;
		this.deletedAt = Instant.now();
	}

	Actor actor() {
		return new Actor(this.id, this.role, this.municipalityId, this.organisationId);
	}

	/** The fields the audit log compares; never the password. */
	public Map<String, Object> auditView() {
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("email", this.email);
		view.put("displayName", this.displayName);
		view.put("role", this.role);
		view.put("municipalityId", this.municipalityId);
		view.put("organisationId", this.organisationId);
		view.put("enabled", this.enabled);
		view.put("language", this.language);
		view.put("erased", this.deletedAt != null);
		return view;
	}

	public String label() {
		return this.displayName != null ? this.displayName + " <" + this.email + ">" : this.email;
	}

	public Long getId() {
		return this.id;
	}

	public String getEmail() {
		return this.email;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Actor.Role getRole() {
		return this.role;
	}

	public Long getMunicipalityId() {
		return this.municipalityId;
	}

	public Long getOrganisationId() {
		return this.organisationId;
	}

	public String getLanguage() {
		return this.language;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public boolean isErased() {
		return this.deletedAt != null;
	}

	long getVersion() {
		return this.version;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}
}
