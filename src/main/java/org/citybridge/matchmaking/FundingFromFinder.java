package org.citybridge.matchmaking;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.citybridge.funding.Eligibility;
import org.citybridge.funding.FundingFinder;
import org.citybridge.funding.Instruments;
import org.citybridge.system.translation.Translated;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Funding from the funding feature's eligibility data: the instruments a municipality could use
 * with a partner, by the partner's country group, and those a pair could use. Instruments are
 * named by their names, as a person reads them, not by their short codes.
 */
@Component
record FundingFromFinder(FundingFinder finder, Instruments instruments) implements FundingFeasibility {

	@Override
	public List<Scheme> instrumentsFor(long municipalityId) {
		java.util.Locale reader = LocaleContextHolder.getLocale();
		Map<String, Translated> names = this.instruments.all()
			.stream()
			.filter(i -> i.shortName() != null)
			.collect(Collectors.toMap(Instruments.Ref::shortName, i -> i.shownName(reader), (a, b) -> a));
		return this.finder.partnerGroupsFor(municipalityId).entrySet().stream().map(e -> {
			Translated name = names.get(e.getKey());
			return name == null ? new Scheme(e.getKey(), null, e.getValue())
					: new Scheme(name.text(), name.markedLang(reader), e.getValue());
		}).toList();
	}

	@Override
	public List<Usable> usableBy(long first, long second) {
		return this.finder.usableByPair(first, second)
			.stream()
			.map(v -> new Usable(v.instrumentId(), v.slug(), v.name().text(),
					v.name().markedLang(LocaleContextHolder.getLocale()),
					v.eligibility() == Eligibility.ELIGIBLE))
			.toList();
	}

	@Override
	public java.util.Optional<Name> instrumentName(long instrumentId) {
		java.util.Locale reader = LocaleContextHolder.getLocale();
		return this.instruments.byId(instrumentId).map(i -> {
			Translated name = i.shownName(reader);
			return new Name(name.text(), name.markedLang(reader));
		});
	}
}
