package org.citybridge.event.meetings;

import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The opt-in form: what the event's other participants see of a person, and their consent to be listed. */
public class MeetingProfileForm {

	@NotBlank(message = "{meeting.profile.personName.required}")
	@Size(max = 200, message = "{meeting.profile.personName.size}")
	private String personName;

	@NotBlank(message = "{meeting.profile.represents.required}")
	@Size(max = 200, message = "{meeting.profile.represents.size}")
	private String represents;

	@NotBlank(message = "{meeting.profile.country.required}")
	@Pattern(regexp = "[A-Z]{2}", message = "{meeting.profile.country.required}")
	private String countryCode;

	@Size(max = 20, message = "{meeting.profile.themes.size}")
	private List<String> offers = new ArrayList<>();

	@Size(max = 20, message = "{meeting.profile.themes.size}")
	private List<String> seeks = new ArrayList<>();

	@Size(max = 10, message = "{meeting.profile.languages.size}")
	private List<String> languages = new ArrayList<>();

	@Size(max = 800, message = "{meeting.profile.about.size}")
	private String about;

	@Pattern(regexp = "NONE|EN|FR", message = "{meeting.profile.interpretation.invalid}")
	private String interpretation = "NONE";

	@AssertTrue(message = "{meeting.profile.consent.required}")
	private boolean consent;

	private Long version;

	public String getPersonName() {
		return this.personName;
	}

	public void setPersonName(String personName) {
		this.personName = personName;
	}

	public String getRepresents() {
		return this.represents;
	}

	public void setRepresents(String represents) {
		this.represents = represents;
	}

	public String getCountryCode() {
		return this.countryCode;
	}

	public void setCountryCode(String countryCode) {
		this.countryCode = countryCode;
	}

	public List<String> getOffers() {
		return this.offers;
	}

	public void setOffers(List<String> offers) {
		this.offers = offers == null ? new ArrayList<>() : offers;
	}

	public List<String> getSeeks() {
		return this.seeks;
	}

	public void setSeeks(List<String> seeks) {
		this.seeks = seeks == null ? new ArrayList<>() : seeks;
	}

	public List<String> getLanguages() {
		return this.languages;
	}

	public void setLanguages(List<String> languages) {
		this.languages = languages == null ? new ArrayList<>() : languages;
	}

	public String getAbout() {
		return this.about;
	}

	public void setAbout(String about) {
		this.about = about;
	}

	public String getInterpretation() {
		return this.interpretation;
	}

	public void setInterpretation(String interpretation) {
		this.interpretation = interpretation;
	}

	public boolean isConsent() {
		return this.consent;
	}

	public void setConsent(boolean consent) {
		this.consent = consent;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}
}
