package org.citybridge.municipality;

import java.util.Map;
import java.util.function.LongFunction;

/**
 * A section that a higher feature adds to a municipality's profile page (its networks, agreements,
 * case studies and suggestions), so the profile shows them without depending on those features. A
 * feature declares one as a bean.
 *
 * @param fragment the template holding the section as a fragment named {@code section}, e.g.
 * {@code network/profile-section}
 * @param order where the section goes among others: lower first
 * @param models what the fragment needs for a municipality, or {@code null} to show nothing
 */
public record ProfileSection(String fragment, int order, LongFunction<Map<String, Object>> models) {

	/** The section for this municipality, or {@code null} when it has nothing to show. */
	public Rendered render(long municipalityId) {
		Map<String, Object> model = this.models.apply(municipalityId);
		return model == null ? null : new Rendered(this.fragment, model);
	}

	/** A section ready to render. */
	public record Rendered(String fragment, Map<String, Object> model) {
	}
}
