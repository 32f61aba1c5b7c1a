package org.citybridge.system.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

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

	@Bean
	LocaleResolver localeResolver() {
		return new PortalLocaleResolver();
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
}
