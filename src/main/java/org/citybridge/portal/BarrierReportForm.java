package org.citybridge.portal;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a visitor tells us about an accessibility barrier. */
record BarrierReportForm(
		@Size(max = 500, message = "{accessibility.report.page.size}") String page,
		@NotBlank(message = "{accessibility.report.description.required}")
		@Size(min = 10, max = 5000, message = "{accessibility.report.description.size}") String description,
		@Email(message = "{accessibility.report.email.invalid}")
		@Size(max = 254, message = "{accessibility.report.email.invalid}") String email) {

	static BarrierReportForm empty() {
		return new BarrierReportForm("", "", "");
	}
}
