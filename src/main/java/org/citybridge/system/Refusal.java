package org.citybridge.system;

import java.util.Arrays;

import org.springframework.validation.BindingResult;

/**
 * A change that was not made because it breaks a rule or the caller may not make it: the message
 * key (with its arguments) says why, the field says where the form shows it ({@code null} for the
 * whole form). Every feature refuses with this type, or a subclass that carries more (the
 * agreement that a duplicate clashes with); controllers put it back on the form with
 * {@link #rejectIn(BindingResult)} and nothing else.
 */
public class Refusal extends RuntimeException {

	private final String field;

	private final String messageKey;

	private final Object[] arguments;

	public Refusal(String field, String messageKey, Object... arguments) {
		super(messageKey);
		this.field = field;
		this.messageKey = messageKey;
		this.arguments = (arguments == null || arguments.length == 0) ? null : arguments.clone();
	}

	/** A refusal of the whole form, not one field. */
	public static Refusal ofForm(String messageKey, Object... arguments) {
		return new Refusal(null, messageKey, arguments);
	}

	/** The form field that shows the message, or {@code null} for the whole form. */
	public String field() {
		return this.field;
	}

	public String messageKey() {
		return this.messageKey;
	}

	/** The message's arguments, or {@code null} when it takes none. */
	public Object[] arguments() {
		return (this.arguments == null) ? null : this.arguments.clone();
	}

	/** Shows the refusal on the form: next to its field, or above the form. */
	public void rejectIn(BindingResult result) {
		if (this.field == null) {
			result.reject(this.messageKey, arguments(), null);
		}
		else {
			result.rejectValue(this.field, this.messageKey, arguments(), null);
		}
	}

	@Override
	public String toString() {
		return "Refusal[" + this.field + ", " + this.messageKey + ", " + Arrays.toString(this.arguments) + "]";
	}
}
