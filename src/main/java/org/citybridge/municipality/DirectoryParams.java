package org.citybridge.municipality;

import java.util.List;

import org.citybridge.system.query.QueryString;

import org.springframework.web.bind.annotation.BindParam;

/**
 * The directory's query string exactly as the visitor sent it: nothing here is trusted yet.
 * {@link DirectoryQuery#of} checks it.
 */
@QueryString
public record DirectoryParams(String q, List<String> country, List<String> group,
		@BindParam("population_min") String populationMin, @BindParam("population_max") String populationMax,
		List<String> kind, List<String> offers, List<String> seeks, String seeking, String sort, String page,
		String size, List<String> network, List<String> region) {

	/** The query string without a region filter. */
	public DirectoryParams(String q, List<String> country, List<String> group, String populationMin,
			String populationMax, List<String> kind, List<String> offers, List<String> seeks, String seeking,
			String sort, String page, String size, List<String> network) {
		this(q, country, group, populationMin, populationMax, kind, offers, seeks, seeking, sort, page, size, network,
				null);
	}

	/** The query string without a network filter. */
	DirectoryParams(String q, List<String> country, List<String> group, String populationMin, String populationMax,
			List<String> kind, List<String> offers, List<String> seeks, String seeking, String sort, String page,
			String size) {
		this(q, country, group, populationMin, populationMax, kind, offers, seeks, seeking, sort, page, size, null);
	}

	public static DirectoryParams query(String q) {
		return new DirectoryParams(q, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}
}
