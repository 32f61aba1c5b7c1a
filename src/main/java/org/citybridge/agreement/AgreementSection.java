package org.citybridge.agreement;

import java.util.Map;

/**
 * A section that a higher feature adds to an agreement's page (the case studies that tell about
 * it), so the register shows it without depending on that feature: the same pattern as the
 * municipality's {@code ProfileSection}.
 */
public interface AgreementSection {

	/** The template holding the section as a fragment named {@code section}, e.g. {@code learning/agreement-section}. */
	String fragment();

	/** What the fragment needs for this agreement, or {@code null} to show nothing. */
	Map<String, Object> model(long agreementId);

	/** Where the section goes among others: lower first. */
	default int order() {
		return 100;
	}

	/** A section ready to render. */
	record Rendered(String fragment, Map<String, Object> model) {
	}
}
