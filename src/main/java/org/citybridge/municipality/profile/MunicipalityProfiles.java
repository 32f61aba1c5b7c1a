package org.citybridge.municipality.profile;

import org.citybridge.notice.Announcement;
import org.citybridge.notice.Audience;
import org.citybridge.notice.Followable;
import org.citybridge.notice.NoticeKind;
import org.citybridge.notice.Notices;
import org.citybridge.system.Text;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.citybridge.audit.AuditLog;
import org.citybridge.system.Actor;
import org.citybridge.theme.Themes;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.citybridge.municipality.Municipality;
import org.citybridge.municipality.MunicipalityNotFound;
import org.citybridge.municipality.MunicipalityRepository;

/** Edits municipality profiles, for those the policy allows, with optimistic locking and audit. */
@Service
public class MunicipalityProfiles {

	/** Someone saved the profile since this form was opened; their changes are kept. */
	static class ProfileChanged extends RuntimeException {

		ProfileChanged() {
			super("The profile was changed by someone else");
		}
	}

	private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

	private final MunicipalityRepository repository;

	private final MunicipalityEditPolicy policy;

	private final Themes themes;

	private final AuditLog audit;

	private final Notices notices;

	MunicipalityProfiles(MunicipalityRepository repository, MunicipalityEditPolicy policy, Themes themes, AuditLog audit,
			Notices notices) {
		this.notices = notices;
		this.repository = repository;
		this.policy = policy;
		this.themes = themes;
		this.audit = audit;
	}

	/** Whether the current visitor may edit this profile (for showing the link; writes check again). */
	public boolean mayEdit(Actor actor, long id) {
		return this.policy.mayEdit(actor, id);
	}

	/** A municipality's profile as its page shows it, with the name of the town it is a district of. */
	@Transactional(readOnly = true)
	public MunicipalityProfile profile(long id) {
		return this.repository.findWithThemesById(id)
			.map(m -> MunicipalityProfile.of(m, m.getDistrictOf() == null ? null
					: this.repository.findById(m.getDistrictOf()).map(Municipality::getName).orElse(null)))
			.orElseThrow(() -> new MunicipalityNotFound(String.valueOf(id)));
	}

	@Transactional(readOnly = true)
	ProfileForm formFor(Actor actor, long id) {
		return ProfileForm.of(editable(actor, id));
	}

	@Transactional(readOnly = true)
	String nameOf(long id) {
		return this.repository.findById(id).map(Municipality::getName).orElseThrow(() -> new MunicipalityNotFound(String.valueOf(id)));
	}

	@Transactional
	void edit(Actor actor, long id, ProfileForm form, String actorLabel) {
		Municipality municipality = editable(actor, id);
		if (municipality.getVersion() != form.version().longValue()) {
			throw new ProfileChanged();
		}
		Set<String> known = Set.copyOf(this.themes.codes());
		Map<String, Object> before = municipality.auditView();
		municipality.editProfile(onlyKnown(form.offeredThemes(), known), onlyKnown(form.soughtThemes(), known),
				form.seekingPartners(), Text.blankToNull(form.website()), languages(form.workingLanguages()),
				Text.blankToNull(form.contactName()), Text.blankToNull(form.contactEmail()), form.contactPublic());
		try {
			this.repository.saveAndFlush(municipality);
		}
		catch (ObjectOptimisticLockingFailureException ex) {
			throw new ProfileChanged();
		}
		Map<String, Object> after = municipality.auditView();
		this.audit.record(new AuditLog.Who(actor.accountId(), actorLabel), "municipality", id, AuditLog.Action.UPDATE,
				before, after);
		if (!comparable(before).equals(comparable(after))) {
			this.notices.announce(Announcement.of(NoticeKind.FOLLOWED_CHANGED)
				.to(Audience.followers(Followable.MUNICIPALITY, id))
				.args(municipality.getName())
				.link("/municipalities/" + id)
				.by(actor.accountId()));
		}
	}

	/** An audit view whose lists compare as sets (themes come from sets, in no fixed order). */
	private static Map<String, Object> comparable(Map<String, Object> view) {
		Map<String, Object> copy = new java.util.HashMap<>();
		view.forEach((k, v) -> copy.put(k, v instanceof java.util.Collection<?> c ? new java.util.HashSet<>(c) : v));
		return copy;
	}

	/** The language codes of a form whose languages are codes already: lower case, without repeats. */
	static List<String> languages(List<String> codes) {
		return codes.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(ISO_LANGUAGES::contains).distinct().toList();
	}

	private Municipality editable(Actor actor, long id) {
		Municipality municipality = this.repository.findWithThemesById(id)
			.orElseThrow(() -> new MunicipalityNotFound(String.valueOf(id)));
		if (!this.policy.mayEdit(actor, id)) {
			throw new AccessDeniedException("May not edit municipality " + id);
		}
		return municipality;
	}

	private static Set<String> onlyKnown(Set<String> codes, Set<String> known) {
		Set<String> result = new LinkedHashSet<>();
		for (String code : codes) {
			if (!known.contains(code)) {
				throw new IllegalArgumentException("unknown theme");
			}
			result.add(code);
		}
		return result;
	}

}
