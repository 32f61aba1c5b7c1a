package org.citybridge.network;

/** An organisation as other features see it. */
public record Organisation(long id, String name, String shortName, OrganisationKind kind) {

	/** The short name where there is one (NALAS), else the full name. */
	public String label() {
		return this.shortName != null && !this.shortName.isBlank() ? this.shortName : this.name;
	}
}
