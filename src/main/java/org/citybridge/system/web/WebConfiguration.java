package org.citybridge.system.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.citybridge.system.cache.ContentVersion;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.VersionResourceResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final Environment environment;

	WebConfiguration(Environment environment) {
		this.environment = environment;
	}

	/**
	 * The bundles formatted by ICU ({@link IcuMessageSource}), in place of Spring Boot's own message
	 * source, configured from the same {@code spring.messages.*} properties.
	 */
	@Bean
	IcuMessageSource messageSource() {
		IcuMessageSource source = new IcuMessageSource(
				environment.getProperty("citybridge.messages.strict", Boolean.class, false));
		source.setBasenames(environment.getProperty("spring.messages.basename", "messages").split("\\s*,\\s*"));
		source.setDefaultEncoding(environment.getProperty("spring.messages.encoding", "UTF-8"));
		source.setFallbackToSystemLocale(
				environment.getProperty("spring.messages.fallback-to-system-locale", Boolean.class, false));
		source.setUseCodeAsDefaultMessage(
				environment.getProperty("spring.messages.use-code-as-default-message", Boolean.class, false));
		return source;
	}

	/**
	 * Anonymous public pages with an ETag and a public lifetime ({@link PublicPageCaching}): browsers
	 * ask again each time ({@code citybridge.public-pages.max-age}, 0 s), shared caches keep a page
	 * {@code citybridge.public-pages.s-maxage} (60 s); the portal keeps them rendered, up to
	 * {@code citybridge.public-pages.rendered-bytes} (32 MB; 0 keeps none), while the content version
	 * (V71) stays the same. After the security filters (order -100), which it needs to know who asks.
	 */
	@Bean
	FilterRegistrationBean<PublicPageCaching> publicPageCaching(ObjectProvider<JdbcClient> jdbc, ObjectProvider<Clock> clock) {
		// Without a database (a test of the web layer alone) nothing is kept rendered.
		JdbcClient database = jdbc.getIfAvailable();
		FilterRegistrationBean<PublicPageCaching> registration = new FilterRegistrationBean<>(new PublicPageCaching(
				Duration.ofSeconds(environment.getProperty("citybridge.public-pages.max-age", Long.class, 0L)),
				Duration.ofSeconds(environment.getProperty("citybridge.public-pages.s-maxage", Long.class, 60L)),
				database == null ? null : ContentVersion.readBy(database),
				clock.getIfAvailable(Clock::systemUTC), database == null ? 0
						: environment.getProperty("citybridge.public-pages.rendered-bytes", Long.class, 32L << 20)));
		registration.setOrder(0);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/** Text of unknown language inside the portal's sentences, written as {@code <bdi lang="">}. */
	@Bean
	TypedTextDialect typedTextDialect() {
		return new TypedTextDialect();
	}

	@Bean
	LocaleResolver localeResolver() {
		return new PortalLocaleResolver();
	}

	/** The list pages' query string records ({@link org.citybridge.system.query.QueryString}). */
	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new QueryStringResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor localeChange = new LocaleChangeInterceptor();
		localeChange.setParamName("lang");
		localeChange.setIgnoreInvalidLocale(true);
		localeChange.setHttpMethods("GET", "HEAD");
		registry.addInterceptor(localeChange);
		registry.addInterceptor(new LayoutModelInterceptor(environment));
	}

	/**
	 * The static files, each folder mapped on its own (Spring Boot's own mappings are off:
	 * {@code spring.web.resources.add-mappings=false}), so that only links to them are looked up as
	 * resources. With Boot's catch-all {@code /**} every {@code @{…}} link of every page ({@code /agreements},
	 * {@code /privacy?lang=fr} …) was asked of each nested jar of the class path, the misses uncached: 70 % of
	 * the lightest page's time (issue 21). Same URLs as before: the style sheet and the icon carry a hash of
	 * their content, the WebJars their version, and everything is kept a year by browsers; the resolved
	 * URLs are cached ({@code resourceChain(true)}).
	 */
	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		CacheControl year = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(year)
			.resourceChain(true)
			.addResolver(new LiteWebJarsResourceResolver());
		registry.addResourceHandler("/css/**")
			.addResourceLocations("classpath:/static/css/")
			.setCacheControl(year)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/*.svg")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(year)
			.resourceChain(true)
			.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		registry.addResourceHandler("/js/**")
			.addResourceLocations("classpath:/static/js/")
			.setCacheControl(year)
			.resourceChain(true);
	}
}
