package org.citybridge.municipality.directory;

import java.util.List;
import java.util.function.Function;

import org.citybridge.municipality.DirectoryQuery;
import org.citybridge.municipality.MunicipalitySummary;
import org.citybridge.system.ResultPage;

import org.springframework.web.util.UriComponentsBuilder;

/** What the directory page shows: the checked query, its results and links to other pages. */
public record Directory(DirectoryQuery query, ResultPage<MunicipalitySummary> results) {

	/** The address of another page of the same search. */
	public String pageHref(int page) {
		return href(query.atPage(page), true);
	}

	/** The address of the same search, sorted another way, from its first page. */
	public String sortHref(DirectoryQuery.Sort sort) {
		DirectoryQuery q = this.query;
		return href(new DirectoryQuery(q.text(), q.countries(), q.groups(), q.populationMin(), q.populationMax(),
				q.kinds(), q.offers(), q.seeks(), q.seekingOnly(), sort, 1, q.size(), q.problems(), q.networks(), q.regions()), false);
	}

	/** The same name search without filters. */
	public String clearHref() {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/municipalities");
		if (!this.query.text().isEmpty()) {
			b.queryParam("q", this.query.text());
		}
		return b.encode().build().toUriString();
	}

	private static String href(DirectoryQuery q, boolean withPage) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath("/municipalities");
		if (!q.text().isEmpty()) {
			b.queryParam("q", q.text());
		}
		add(b, "country", q.countries().stream().sorted().toList(), Function.identity());
		add(b, "group", q.groups().stream().sorted().toList(), Enum::name);
		if (q.populationMin() != null) {
			b.queryParam("population_min", q.populationMin());
		}
		if (q.populationMax() != null) {
			b.queryParam("population_max", q.populationMax());
		}
		add(b, "kind", q.kinds().stream().sorted().toList(), Enum::name);
		add(b, "offers", q.offers().stream().sorted().toList(), Function.identity());
		add(b, "seeks", q.seeks().stream().sorted().toList(), Function.identity());
		if (q.seekingOnly()) {
			b.queryParam("seeking", "true");
		}
		add(b, "network", q.networks().stream().sorted().toList(), String::valueOf);
		add(b, "region", q.regions().stream().sorted().toList(), String::valueOf);
		b.queryParam("sort", q.sort().param());
		if (q.size() != DirectoryQuery.DEFAULT_SIZE) {
			b.queryParam("size", q.size());
		}
		if (withPage && q.page() > 1) {
			b.queryParam("page", q.page());
		}
		return b.encode().build().toUriString();
	}

	private static <T> void add(UriComponentsBuilder b, String name, List<T> values, Function<T, String> text) {
		for (T value : values) {
			b.queryParam(name, text.apply(value));
		}
	}
}
