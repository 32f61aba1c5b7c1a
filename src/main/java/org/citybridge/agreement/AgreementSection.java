package org.citybridge.agreement;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * A section that a higher feature adds to an agreement's page (the case studies that tell about
 * it), so the register shows it without depending on that feature: the same pattern as the
 * municipality's {@code ProfileSection}. A feature declares one as a bean.
 *
 * @param fragment the template holding the section as a fragment named {@code section}, e.g.
 * {@code learning/agreement-section}
 * @param order where the section goes among others: lower first
 * @param models what the fragment needs for an agreement, or {@code null} to show nothing
 */
public record AgreementSection(String fragment, int order, LongFunction<Map<String, Object>> models) {

	/** The section for this agreement, or {@code null} when it has nothing to show. */
	public Rendered render(long agreementId) {
		Map<String, Object> model = this.models.apply(agreementId);
		return model == null ? null : new Rendered(this.fragment, model);
	}

	/** A section ready to render. */
	public record Rendered(String fragment, Map<String, Object> model) {
	}
}
