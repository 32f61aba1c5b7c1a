package org.citybridge.event.manage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.citybridge.event.EventCatalogue;
import org.citybridge.event.EventNotFound;
import org.citybridge.event.Programme;
import org.citybridge.network.Organisation;
import org.citybridge.system.Actor;
import org.citybridge.system.Refusal;
import org.citybridge.system.Submitted;
import org.citybridge.system.Text;

import org.springframework.stereotype.Service;

/**
 * The staff's pages of an event, each made by one call: the new event's form and its hosts, the
 * list of rooms, tracks or speakers with the form to add one, the edit page of one of them; and
 * their submissions, which either write or give back the page to show again with the refusal.
 * Who may is checked by {@link Programme#editable} and {@link EventEditor}, before anything else.
 */
@Service
record EventStaffPages(EventEditor editor, EventParts parts, Programme programme, Clock clock) {

	/** The new event's form, filled in for the actor, and the hosts they may choose. */
	record NewEvent(EventForm form, List<Organisation> hosts) {
	}

	/** The list page of the event's rooms, tracks or speakers. */
	record Listing(EventCatalogue.Event event, PartKind kind, List<? extends EventParts.Part> parts) {
	}

	/** The edit page of one room, track or speaker. */
	record Editing(EventCatalogue.Event event, PartKind kind, EventParts.Part part) {
	}

	/** An empty form for a new event today, hosted by the staff's own organisation. */
	NewEvent newEvent(Actor actor) {
		List<Organisation> hosts = this.editor.hosts(actor);
		return new NewEvent(EventForm.empty(LocalDate.now(this.clock),
				actor.role() == Actor.Role.STAFF ? actor.organisationId() : null), hosts);
	}

	/** Creates the event if the form is {@code valid}; otherwise, or refused, the hosts to show the form again. */
	Submitted<String, List<Organisation>> create(Actor actor, String actorLabel, EventForm form, boolean valid) {
		List<Organisation> hosts = this.editor.hosts(actor);
		return submit(valid, () -> this.editor.create(actor, actorLabel, form), hosts);
	}

	Listing list(Actor actor, String slug, PartKind kind) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		return new Listing(event, kind, this.parts.list(kind, event.id()));
	}

	Editing edit(Actor actor, String slug, PartKind kind, String id) {
		EventCatalogue.Event event = this.programme.editable(actor, slug);
		return new Editing(event, kind, this.parts.part(kind, event.id(), Text.requireId(id, EventNotFound::new)));
	}

	/** Adds the room, track or speaker if the form is {@code valid}; otherwise, or refused, the list again. */
	Submitted<String, Listing> add(Actor actor, String actorLabel, String slug, PartForm form, boolean valid) {
		Listing listing = list(actor, slug, form.kind());
		return submit(valid, () -> {
			this.parts.add(actor, actorLabel, slug, form);
			return slug;
		}, listing);
	}

	/** Saves the room, track or speaker if the form is {@code valid}; otherwise, or refused, its edit page again. */
	Submitted<String, Editing> update(Actor actor, String actorLabel, String slug, String id, PartForm form, boolean valid) {
		Editing editing = edit(actor, slug, form.kind(), id);
		return submit(valid, () -> {
			this.parts.update(actor, actorLabel, slug, editing.part().id(), form);
			return slug;
		}, editing);
	}

	/** Deletes the room or track, or takes the speaker off the event; refused, its edit page again. */
	Submitted<String, Editing> delete(Actor actor, String actorLabel, String slug, PartKind kind, String id, long version) {
		Editing editing = edit(actor, slug, kind, id);
		return submit(true, () -> {
			this.parts.delete(actor, actorLabel, slug, kind, editing.part().id(), version);
			return slug;
		}, editing);
	}

	/** Writes ({@code write} gives the event's address) if {@code valid}; else, or refused, the {@code page} again. */
	private static <P> Submitted<String, P> submit(boolean valid, Supplier<String> write, P page) {
		if (!valid) {
			return Submitted.again(page, null);
		}
		try {
			return Submitted.saved(write.get());
		}
		catch (Refusal refused) {
			return Submitted.again(page, refused);
		}
	}
}
