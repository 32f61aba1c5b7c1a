package org.citybridge.event.meetings;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.citybridge.event.EventCatalogue;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.validation.BindingResult;

/**
 * One call per request for the meeting pages' controllers: each method gathers a page, or makes a
 * change and says where to go next, or, when the change is refused, the same page again with the
 * person's values and the message next to the field.
 */
@Service
class MeetingDesk {

	/** Where a form goes: a redirect with a flash message, or a view with its model. */
	record Outcome(String redirect, String flash, String view, Map<String, Object> model) {

		static Outcome redirect(String to, String flash) {
			return new Outcome(to, flash, null, Map.of());
		}

		/** The form's page again, its title marked as having errors. */
		static Outcome render(String view, Map<String, Object> model) {
			Map<String, Object> invalid = new HashMap<>(model);
			invalid.put("invalid", true);
			return new Outcome(null, null, view, invalid);
		}
	}

	private final MeetingPages pages;

	private final MeetingProfiles profiles;

	private final Meetings meetings;

	private final MeetingProgrammes programmes;

	private final MessageSource messages;

	MeetingDesk(MeetingPages pages, MeetingProfiles profiles, Meetings meetings, MeetingProgrammes programmes,
			MessageSource messages) {
		this.pages = pages;
		this.profiles = profiles;
		this.meetings = meetings;
		this.programmes = programmes;
		this.messages = messages;
	}

	Map<String, Object> participants(Actor actor, String slug, String country, String theme, String language, String page,
			Locale locale) {
		return Map.of("page", this.pages.participants(actor, slug, country, theme, language, page, locale));
	}

	Map<String, Object> person(Actor actor, String slug, String accountId, ZoneId viewer, Locale locale, MeetingRequestForm form) {
		MeetingPages.Person person = this.pages.person(actor, slug, accountId, viewer, locale);
		if (form.getSlot() == null && !person.slots().isEmpty()) {
			form.setSlot(person.slots().get(0).value());
		}
		Map<String, Object> model = new HashMap<>();
		model.put("page", person);
		model.put("requestForm", form);
		return model;
	}

	Outcome request(Actor actor, String actorLabel, String slug, String accountId, MeetingRequestForm form,
			BindingResult result, ZoneId viewer, Locale locale) {
		if (!result.hasErrors()) {
			long other = org.citybridge.system.Text.requireId(accountId, MeetingsNotFound::new);
			try {
				this.meetings.request(actor, actorLabel, slug, other, form.getSlot(), form.getMessage());
				return Outcome.redirect("/events/" + slug + "/meetings/mine", "meeting.request.flash.sent");
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		return Outcome.render("event/meetings/person", person(actor, slug, accountId, viewer, locale, form));
	}

	Map<String, Object> optInForm(Actor actor, String slug, Locale locale) {
		EventCatalogue.Event event = this.pages.optInEvent(actor, slug);
		return optInModel(actor, event, this.profiles.form(actor, event), locale);
	}

	Outcome optIn(Actor actor, String actorLabel, String slug, MeetingProfileForm form, BindingResult result, Locale locale) {
		EventCatalogue.Event event = this.pages.optInEvent(actor, slug);
		if (!result.hasErrors()) {
			try {
				boolean created = this.profiles.save(actor, actorLabel, slug, form);
				return Outcome.redirect("/events/" + event.slug() + "/meetings",
						created ? "meeting.profile.flash.joined" : "meeting.profile.flash.saved");
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		return Outcome.render("event/meetings/join", optInModel(actor, event, form, locale));
	}

	String withdraw(Actor actor, String actorLabel, String slug) {
		return this.profiles.withdraw(actor, actorLabel, slug);
	}

	String answer(Actor actor, String actorLabel, String slug, String meetingId, boolean accept) {
		return accept ? this.meetings.accept(actor, actorLabel, slug, meetingId)
				: this.meetings.decline(actor, actorLabel, slug, meetingId);
	}

	Map<String, Object> schedule(Actor actor, String slug, ZoneId viewer, Locale locale) {
		return Map.of("page", this.pages.schedule(actor, slug, viewer, locale));
	}

	/** The actor's meetings and sessions as a calendar file: its name and text. */
	Map.Entry<String, String> calendar(Actor actor, String slug, String base, Locale locale) {
		MeetingPages.Schedule schedule = this.pages.schedule(actor, slug, null, locale);
		EventCatalogue.Event event = schedule.event();
		String ics = MeetingCalendar.of(event, this.pages.calendarMeetings(actor, event),
				this.pages.sessionsOf(event.id(), actor.accountId()), actor.accountId(), base, this.messages, locale,
				this.meetings.clock().instant());
		return Map.entry(event.slug() + "-my-schedule.ics", ics);
	}

	Map<String, Object> overview(Actor actor, String slug, Locale locale) {
		return overviewModel(actor, slug, locale, null, null, null);
	}

	Outcome settings(Actor actor, String actorLabel, String slug, MeetingSetupForms.SettingsForm form, BindingResult result,
			Locale locale) {
		if (!result.hasErrors()) {
			try {
				return Outcome.redirect("/events/" + this.programmes.settings(actor, actorLabel, slug, form) + "/manage/meetings",
						"meeting.setup.flash.saved");
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		return Outcome.render("event/meetings/manage", overviewModel(actor, slug, locale, form, null, null));
	}

	Outcome addWindow(Actor actor, String actorLabel, String slug, MeetingSetupForms.WindowForm form, BindingResult result,
			Locale locale) {
		if (!result.hasErrors()) {
			try {
				return Outcome.redirect("/events/" + this.programmes.addWindow(actor, actorLabel, slug, form) + "/manage/meetings",
						"meeting.setup.flash.windowAdded");
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		return Outcome.render("event/meetings/manage", overviewModel(actor, slug, locale, null, form, null));
	}

	Outcome addTables(Actor actor, String actorLabel, String slug, MeetingSetupForms.TablesForm form, BindingResult result,
			Locale locale) {
		if (!result.hasErrors()) {
			try {
				return Outcome.redirect("/events/" + this.programmes.addTables(actor, actorLabel, slug, form) + "/manage/meetings",
						"meeting.setup.flash.tablesAdded");
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		return Outcome.render("event/meetings/manage", overviewModel(actor, slug, locale, null, null, form));
	}

	Outcome deleteTable(Actor actor, String actorLabel, String slug, MeetingSetupForms.TableRemovalForm form,
			BindingResult result, Locale locale) {
		if (!result.hasErrors()) {
			try {
				return Outcome.redirect("/events/" + this.programmes.deleteTable(actor, actorLabel, slug, form) + "/manage/meetings",
						"meeting.setup.flash.tableDeleted");
			}
			catch (Refusal refused) {
				refused.rejectIn(result);
			}
		}
		Map<String, Object> model = overviewModel(actor, slug, locale, null, null, null);
		model.put("tableRemovalForm", form);
		return Outcome.render("event/meetings/manage", model);
	}

	String deleteWindow(Actor actor, String actorLabel, String slug, String windowId) {
		return this.programmes.deleteWindow(actor, actorLabel, slug, windowId);
	}

	/**
	 * Marks a meeting held or missed and goes back to the organiser's list of meetings; refused, the
	 * organiser's page comes back with the reason above the list (and, for a meeting a partnership
	 * request continues, the request's municipalities).
	 */
	Outcome mark(Actor actor, String actorLabel, String slug, String meetingId, String outcome, Locale locale) {
		MeetingStatus status = "HELD".equals(outcome) ? MeetingStatus.HELD
				: "MISSED".equals(outcome) ? MeetingStatus.MISSED : MeetingStatus.REQUESTED;
		try {
			String flash = this.meetings.mark(actor, actorLabel, slug, meetingId, status);
			return Outcome.redirect("/events/" + slug + "/manage/meetings#meetings", flash);
		}
		catch (Refusal refused) {
			Map<String, Object> model = overviewModel(actor, slug, locale, null, null, null);
			model.put("markRefusal", refused.messageKey());
			if (refused instanceof Meetings.OriginKept kept && kept.origin() != null) {
				model.put("heldOrigin", kept.origin());
			}
			return Outcome.render("event/meetings/manage", model);
		}
	}

	private Map<String, Object> optInModel(Actor actor, EventCatalogue.Event event, MeetingProfileForm form, Locale locale) {
		Map<String, Object> model = new HashMap<>();
		model.put("event", event);
		model.put("profileForm", form);
		model.put("countries", this.pages.countryOptions(locale));
		model.put("themes", this.pages.themeOptions(locale));
		model.put("languages", this.pages.languageOptions(locale));
		model.put("joined", form.getVersion() != null);
		return model;
	}

	private Map<String, Object> overviewModel(Actor actor, String slug, Locale locale, MeetingSetupForms.SettingsForm settings,
			MeetingSetupForms.WindowForm window, MeetingSetupForms.TablesForm tables) {
		MeetingPages.Overview overview = this.pages.overview(actor, slug, locale);
		Map<String, Object> model = new HashMap<>();
		model.put("page", overview);
		if (settings == null) {
			settings = new MeetingSetupForms.SettingsForm();
			if (overview.settings() != null) {
				settings.setSlotMinutes(overview.settings().slotMinutes());
				settings.setBookingOpen(overview.settings().bookingOpen());
				settings.setVersion(overview.settings().version());
			}
		}
		if (window == null) {
			window = new MeetingSetupForms.WindowForm();
			window.setDay(overview.event().startsOn());
		}
		model.put("settingsForm", settings);
		model.put("windowForm", window);
		model.put("tablesForm", tables == null ? new MeetingSetupForms.TablesForm() : tables);
		model.put("tableRemovalForm", new MeetingSetupForms.TableRemovalForm());
		return model;
	}
}
