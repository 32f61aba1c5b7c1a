package org.citybridge.event.meetings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asking for a meeting: a slot (an instant, or {@code first} for the first free for both) and a short message. */
public class MeetingRequestForm {

	@NotBlank(message = "{meeting.request.slot.required}")
	private String slot;

	@Size(max = 500, message = "{meeting.request.message.size}")
	private String message;

	public String getSlot() {
		return this.slot;
	}

	public void setSlot(String slot) {
		this.slot = slot;
	}

	public String getMessage() {
		return this.message;
	}

	public void setMessage(String message) {
		this.message = message;
	}
}
