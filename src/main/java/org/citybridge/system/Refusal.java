package org.citybridge.system;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A change that was not made because it breaks a rule or the caller may not make it: the message
 * key (with its arguments) says why, the field says where the form shows it ({@code null} for the
 * whole form). Every feature refuses with this type, or a subclass that carries more (the
 * agreement that a duplicate clashes with); controllers put it back on the form with
 * {@link #rejectIn(BindingResult)}, or, for a button that changes something and goes back to its page, in the
 * flash with {@link #redirectAfter(Supplier, String, RedirectAttributes)}, and nothing else.
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

	/**
	 * Makes a change that a button asks for and goes back to {@code target}: with the flash message ({@code flash})
	 * that {@code change} returns, or with the refusal's message ({@code flashError}) when the change is refused.
	 */
	public static String redirectAfter(Supplier<String> change, String target, RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("flash", change.get());
		}
		catch (Refusal refused) {
			redirect.addFlashAttribute("flashError", refused.messageKey());
		}
		return "redirect:" + target;
	}

	@Override
	public String toString() {
		return "Refusal[" + this.field + ", " + this.messageKey + ", " + Arrays.toString(this.arguments) + "]";
	}

	/**
	 * Several refusals at once, each shown next to its own field: a form whose names of places,
	 * countries or languages could not all be understood says so for every one of them, not only the
	 * first.
	 */
	public static class Several extends Refusal {

		private final List<Refusal> all;

		public Several(List<Refusal> all) {
			super(all.get(0).field(), all.get(0).messageKey(), all.get(0).arguments());
			this.all = List.copyOf(all);
		}

		/** The one refusal, or all of them as one; {@code null} when there are none. */
		public static Refusal of(List<Refusal> refusals) {
			return refusals.isEmpty() ? null : refusals.size() == 1 ? refusals.get(0) : new Several(refusals);
		}

		public List<Refusal> all() {
			return this.all;
		}

		@Override
		public void rejectIn(BindingResult result) {
			this.all.forEach(refusal -> refusal.rejectIn(result));
		}
	}
}
