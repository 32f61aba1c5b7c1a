package org.citybridge.system.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.util.HtmlUtils;

/**
 * The pages Tomcat writes itself, for requests that never reach the application (an address with
 * characters HTTP forbids, headers too large, or an error while rendering the error page): the
 * portal's own short page in the visitor's language, with the same security headers as every
 * other page, instead of Tomcat's "HTTP Status 400" report. Replaces the host's
 * {@link ErrorReportValve}.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrorPages {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> portalErrorReport(MessageSource messages) {
		Map<String, String> pages = new HashMap<>();
		for (Locale locale : SupportedLocales.ALL) {
			for (String kind : ErrorPageController.KINDS) {
				pages.put(locale.getLanguage() + kind, page(messages, locale, kind));
			}
		}
		return new Customizer(pages);
	}

	/** Runs after Spring Boot's own customizer, which adds the valve this one replaces. */
	static final class Customizer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

		private final Map<String, String> pages;

		Customizer(Map<String, String> pages) {
			this.pages = pages;
		}

		@Override
		public void customize(TomcatServletWebServerFactory factory) {
			factory.addContextCustomizers(context -> {
				Host host = (Host) context.getParent();
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve && !(valve instanceof PortalValve)) {
						host.getPipeline().removeValve(valve);
					}
				}
				if (host instanceof org.apache.catalina.core.StandardHost standard) {
					standard.setErrorReportValveClass(PortalValve.class.getName());
				}
				PortalValve.pages = this.pages;
				host.getPipeline().addValve(new PortalValve());
			});
		}

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}
	}

	private static String page(MessageSource messages, Locale locale, String kind) {
		String title = HtmlUtils.htmlEscape(messages.getMessage("error." + kind + ".title", null, locale), "UTF-8");
		String text = HtmlUtils.htmlEscape(messages.getMessage("error." + kind + ".text", null, locale), "UTF-8");
		String home = HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale), "UTF-8");
		return "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"utf-8\">\n"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + title
				+ " – CityBridge</title>\n</head>\n<body>\n<main>\n<h1>" + title + "</h1>\n<p>" + text + "</p>\n<p>"
				+ HtmlUtils.htmlEscape(messages.getMessage("error.code", new Object[] { "%STATUS%" }, locale))
				+ "</p>\n<p><a href=\"/\">" + home + "</a></p>\n</main>\n</body>\n</html>\n";
	}

	/** Tomcat's error report, written as the portal's page. Public: Tomcat may create it by class name. */
	public static class PortalValve extends ErrorReportValve {

		static volatile Map<String, String> pages = Map.of();

		@Override
		protected void report(Request request, Response response, Throwable throwable) {
			int status = response.getStatus();
			if (status < 400 || response.getContentWritten() > 0) {
				return;
			}
			String language = language(request.getHeader("Accept-Language"));
			String page = pages.getOrDefault(language + ErrorPageController.kind(status),
					"<!DOCTYPE html><title>" + status + "</title>");
			try {
				response.resetBuffer();
				response.setContentType("text/html");
				response.setCharacterEncoding(StandardCharsets.UTF_8.name());
				response.setHeader("Content-Language", language);
				response.setHeader("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY);
				response.setHeader("X-Content-Type-Options", "nosniff");
				response.setHeader("X-Frame-Options", "DENY");
				response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
				response.setHeader("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY);
				response.setHeader("Cache-Control", "no-store");
				Writer writer = response.getReporter();
				if (writer != null) {
					writer.write(page.replace("%STATUS%", String.valueOf(status)));
					response.finishResponse();
				}
			}
			catch (IOException | IllegalStateException ex) {
				// The client is gone or the response cannot be written: nothing more to do.
			}
		}

		private static String language(String acceptLanguage) {
			if (acceptLanguage != null) {
				try {
					Locale match = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SupportedLocales.ALL);
					if (match != null) {
						return match.getLanguage();
					}
				}
				catch (IllegalArgumentException ex) {
					// A malformed header: English.
				}
			}
			return "en";
		}
	}
}
