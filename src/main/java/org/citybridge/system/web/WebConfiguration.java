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
