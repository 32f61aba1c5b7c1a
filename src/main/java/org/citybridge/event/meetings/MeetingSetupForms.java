package org.citybridge.event.meetings;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** What the staff's meeting programme page binds to: the settings, a window, a batch of tables. */
final class MeetingSetupForms {

	private MeetingSetupForms() {
	}

	/** Switches the programme on with its slot length; booking open or closed. */
	static final class SettingsForm {

		@NotNull(message = "{meeting.setup.slot.required}")
		@Min(value = 10, message = "{meeting.setup.slot.range}")
		@Max(value = 120, message = "{meeting.setup.slot.range}")
		private Integer slotMinutes = 20;

		private boolean bookingOpen = true;

		private Long version;

		public Integer getSlotMinutes() {
			return this.slotMinutes;
		}

		public void setSlotMinutes(Integer slotMinutes) {
			this.slotMinutes = slotMinutes;
		}

		public boolean isBookingOpen() {
			return this.bookingOpen;
		}

		public void setBookingOpen(boolean bookingOpen) {
			this.bookingOpen = bookingOpen;
		}

		public Long getVersion() {
			return this.version;
		}

		public void setVersion(Long version) {
			this.version = version;
		}
	}

	/** A window: a day and a start and end in the event's own zone. */
	static final class WindowForm {

		@NotNull(message = "{meeting.setup.day.required}")
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
		private LocalDate day;

		@NotNull(message = "{meeting.setup.start.required}")
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime startTime;

		@NotNull(message = "{meeting.setup.end.required}")
		@DateTimeFormat(pattern = "HH:mm")
		private LocalTime endTime;

		private boolean overlapConfirmed;

		public LocalDate getDay() {
			return this.day;
		}

		public void setDay(LocalDate day) {
			this.day = day;
		}

		public LocalTime getStartTime() {
			return this.startTime;
		}

		public void setStartTime(LocalTime startTime) {
			this.startTime = startTime;
		}

		public LocalTime getEndTime() {
			return this.endTime;
		}

		public void setEndTime(LocalTime endTime) {
			this.endTime = endTime;
		}

		public boolean isOverlapConfirmed() {
			return this.overlapConfirmed;
		}

		public void setOverlapConfirmed(boolean overlapConfirmed) {
			this.overlapConfirmed = overlapConfirmed;
		}
	}

	/** A number of tables, numbered after the last one, in an optional room. */
	static final class TablesForm {

		@NotNull(message = "{meeting.setup.count.required}")
		@Min(value = 1, message = "{meeting.setup.count.range}")
		@Max(value = 100, message = "{meeting.setup.count.range}")
		private Integer count = 10;

		@Size(max = 200, message = "{meeting.setup.room.size}")
		private String room;

		public Integer getCount() {
			return this.count;
		}

		public void setCount(Integer count) {
			this.count = count;
		}

		public String getRoom() {
			return this.room;
		}

		public void setRoom(String room) {
			this.room = room;
		}
	}

	/** The number of a table to remove. */
	static final class TableRemovalForm {

		@NotNull(message = "{meeting.setup.tableNumber.required}")
		@Min(value = 1, message = "{meeting.setup.tableNumber.unknown}")
		@Max(value = 999, message = "{meeting.setup.tableNumber.unknown}")
		private Integer number;

		public Integer getNumber() {
			return this.number;
		}

		public void setNumber(Integer number) {
			this.number = number;
		}
	}
}
