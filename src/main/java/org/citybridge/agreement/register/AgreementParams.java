package org.citybridge.agreement.register;

import java.util.List;

import org.citybridge.system.query.QueryString;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The register's query string exactly as the visitor sent it: nothing here is trusted yet.
 * {@link AgreementQuery#of} checks it.
 */
@QueryString
public record AgreementParams(List<String> country, @BindParam("pair_a") String pairA, @BindParam("pair_b") String pairB,
		List<String> theme, List<String> type, List<String> status, String from, String to, String verified,
		String sort, String page, String size, String active, String forum) {

	public static AgreementParams none() {
		return new AgreementParams(null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}
}
