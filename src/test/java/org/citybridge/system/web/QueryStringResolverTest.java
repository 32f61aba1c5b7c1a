package org.citybridge.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.citybridge.agreement.register.AgreementParams;
import org.citybridge.municipality.DirectoryParams;
import org.citybridge.system.query.QueryString;
import org.junit.jupiter.api.Test;

import org.springframework.core.ResolvableType;
import org.springframework.format.support.DefaultFormattingConversionService;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.ServletRequestDataBinder;
import org.springframework.web.bind.support.BindParamNameResolver;
import org.springframework.web.context.request.ServletWebRequest;

/** The query string records get what Spring MVC's data binding gave them, built without it. */
class QueryStringResolverTest {

	/**
	 * Query strings as visitors and other sites send them: absent, empty, repeated, comma-separated,
	 * "name[]" (once: repeated, data binding made one text "A,B" of it, where this makes two values).
	 */
	static final List<Map<String, String[]>> REQUESTS = List.of(
			Map.of(),
			Map.of("country", new String[] { "MN" }, "pair_a", new String[] { "EU_MEMBER" }, "active", new String[] { "2" }),
			Map.of("country", new String[] { "MN, DE ,FR" }, "theme", new String[] { "" }, "from", new String[] { "" }),
			Map.of("country", new String[] { "MN", "DE,FR" }, "sort", new String[] { "recent", "title" }),
			Map.of("country[]", new String[] { "HU" }, "page", new String[] { "<b>" }),
			Map.of("pairA", new String[] { "MN" }, "population_min", new String[] { "1000" }, "q", new String[] { "Дархан" }));

	@Test
	void recordsAreFilledAsDataBindingFilledThem() throws Exception {
		QueryStringResolver.Shape agreements = QueryStringResolver.Shape.of(AgreementParams.class);
		QueryStringResolver.Shape directory = QueryStringResolver.Shape.of(DirectoryParams.class);
		for (Map<String, String[]> parameters : REQUESTS) {
			MockHttpServletRequest request = request(parameters);
			assertThat(agreements.build(new ServletWebRequest(request))).as("%s", parameters.keySet())
				.isEqualTo(bound(AgreementParams.class, request));
			assertThat(directory.build(new ServletWebRequest(request))).as("%s", parameters.keySet())
				.isEqualTo(bound(DirectoryParams.class, request));
		}
	}

	@Test
	void namesKindsAndAbsentParameters() throws Exception {
		AgreementParams params = (AgreementParams) QueryStringResolver.Shape.of(AgreementParams.class)
			.build(new ServletWebRequest(request(Map.of("pair_a", new String[] { "MN" }, "country",
					new String[] { "MN, DE" }, "theme", new String[] { "health", "culture" }, "sort", new String[] { "a", "b" }))));
		assertThat(params.pairA()).isEqualTo("MN");
		assertThat(params.pairB()).isNull();
		assertThat(params.country()).containsExactly("MN", "DE");
		assertThat(params.theme()).containsExactly("health", "culture");
		assertThat(params.sort()).isEqualTo("a,b");
		assertThat(params.status()).isNull();
	}

	@Test
	void aRecordOfOtherKindsIsRefusedWhenFirstUsed() {
		assertThatThrownBy(() -> QueryStringResolver.Shape.of(Numbered.class)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("page");
	}

	@QueryString
	record Numbered(Integer page) {
	}

	private static MockHttpServletRequest request(Map<String, String[]> parameters) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/agreements");
		parameters.forEach(request::setParameter);
		return request;
	}

	/** What Spring MVC's constructor binding makes of the request, as the handlers had it before. */
	private static Object bound(Class<?> type, MockHttpServletRequest request) {
		ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "params");
		binder.setConversionService(new DefaultFormattingConversionService());
		binder.setNameResolver(new BindParamNameResolver());
		binder.setTargetType(ResolvableType.forClass(type));
		binder.construct(request);
		assertThat(binder.getBindingResult().hasErrors()).isFalse();
		return binder.getTarget();
	}
}
