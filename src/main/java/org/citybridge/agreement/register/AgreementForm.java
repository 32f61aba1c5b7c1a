package org.citybridge.agreement.register;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;
import org.citybridge.agreement.Agreement;
import org.citybridge.agreement.AgreementStatus;
import org.citybridge.agreement.AgreementType;

/**
 * The agreement form as the browser sends it. Besides saving, the same form serves the party
 * picker without JavaScript: the search button ({@code action=search}) shows matching
 * municipalities as "add" buttons ({@code addParty}), each chosen party has a "remove" button
 * ({@code removeParty}); every press comes back to the form with all other values kept.
 */
record AgreementForm(
		@NotNull(message = "{agreement.error.type.required}") AgreementType type,
		List<Long> partyIds,
		@Size(max = 200, message = "{agreement.error.partySearch.size}") String partySearch,
		@NotBlank(message = "{agreement.error.title.required}") @Size(max = 300, message = "{agreement.error.title.size}") String title,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
		@Size(max = 200, message = "{agreement.error.signingPlace.size}") String signingPlace,
		Long eventId,
		List<String> themes,
		@NotNull(message = "{agreement.error.status.required}") AgreementStatus status,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
		@Size(max = 2000, message = "{agreement.error.fundingUsed.size}") String fundingUsed,
		@Size(max = 10000, message = "{agreement.error.notes.size}") String notes,
		long version,
		String action, Long addParty, Long removeParty, MultipartFile document) {

	static final int MAX_PARTIES = 50;

	static AgreementForm empty(Long ownMunicipality) {
		return new AgreementForm(AgreementType.SISTER_CITY, ownMunicipality == null ? List.of() : List.of(ownMunicipality),
				"", "", null, "", null, List.of(), AgreementStatus.DRAFT, null, "", "", 0, null, null, null, null);
	}

	static AgreementForm of(Agreement a) {
		return new AgreementForm(a.getType(), a.getPartyKey(), "", a.getTitle(), a.getSignedOn(), a.getSigningPlace(),
				a.getEventId(), List.copyOf(a.getThemes()), a.getStatus(), a.getEndsOn(), a.getFundingUsed(),
				a.getNotes(), a.getVersion(), null, null, null, null);
	}

	/** This form with the given parties added after its own (ids as sent: malformed ones are skipped). */
	AgreementForm withParties(List<String> raw) {
		if (raw == null || raw.isEmpty()) {
			return this;
		}
		List<Long> ids = new ArrayList<>(parties());
		raw.stream()
			.filter(Objects::nonNull)
			.map(String::strip)
			.filter(v -> !v.isEmpty() && v.length() <= 18 && v.chars().allMatch(Character::isDigit))
			.map(Long::valueOf)
			.filter(id -> id > 0 && !ids.contains(id))
			.limit(MAX_PARTIES)
			.forEach(ids::add);
		return new AgreementForm(this.type, ids, this.partySearch, this.title, this.signedOn, this.signingPlace,
				this.eventId, this.themes, this.status, this.endsOn, this.fundingUsed, this.notes, this.version, null,
				null, null, null);
	}

	/** The chosen parties in the order chosen, without blanks; repeats are kept for the database to refuse. */
	List<Long> parties() {
		List<Long> result = new ArrayList<>();
		if (this.partyIds != null) {
			this.partyIds.stream().filter(Objects::nonNull).forEach(result::add);
		}
		return result;
	}

	List<String> themeCodes() {
		return this.themes == null ? List.of() : this.themes.stream().filter(Objects::nonNull).distinct().toList();
	}

	/** Whether this press was one of the picker's buttons rather than "save". */
	boolean isPicking() {
		return "search".equals(this.action) || this.addParty != null || this.removeParty != null;
	}

	/** The form after a picker button: the party added or removed, everything else as it was. */
	AgreementForm picked() {
		List<Long> ids = new ArrayList<>(parties().stream().distinct().toList());
		if (this.addParty != null && !ids.contains(this.addParty) && ids.size() < MAX_PARTIES) {
			ids.add(this.addParty);
		}
		if (this.removeParty != null) {
			ids.remove(this.removeParty);
		}
		return new AgreementForm(this.type, ids, this.addParty != null ? "" : this.partySearch, this.title,
				this.signedOn, this.signingPlace, this.eventId, this.themes, this.status, this.endsOn, this.fundingUsed,
				this.notes, this.version, null, null, null, null);
	}
}
