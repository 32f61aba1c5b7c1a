package org.citybridge.agreement.views;

import java.util.List;
import java.util.Locale;

/**
 * Bar charts as SVG, drawn on the server: each chart is an image with a title (its accessible name)
 * and a description, each bar carries its own title with label and number, and the page shows the
 * same numbers in a table beside it.
 */
final class StatisticsCharts {

	/** A bar: its label as shown, its value. */
	record Bar(String label, long value) {
	}

	private StatisticsCharts() {
	}

	/** Bars side by side (years from left to right), labels under every few bars. */
	static String columns(String id, String title, String description, List<Bar> bars) {
		int width = 720;
		int height = 240;
		int top = 10;
		int bottom = 30;
		int left = 44;
		long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
		StringBuilder svg = open(id, title, description, width, height);
		axis(svg, left, top, width, height - bottom, max);
		if (!bars.isEmpty()) {
			double slot = (double) (width - left - 4) / bars.size();
			double barWidth = Math.max(1, slot * 0.8);
			int every = (int) Math.ceil(bars.size() / 12.0);
			for (int i = 0; i < bars.size(); i++) {
				Bar bar = bars.get(i);
				double h = (double) (height - top - bottom) * bar.value() / max;
				double x = left + 2 + i * slot;
				svg.append("<rect x=\"").append(f(x)).append("\" y=\"").append(f(height - bottom - h))
					.append("\" width=\"").append(f(barWidth)).append("\" height=\"").append(f(h)).append("\"><title>")
					.append(PartnershipMaps.escape(bar.label() + ": " + bar.value())).append("</title></rect>");
				if (i % every == 0) {
					svg.append("<text x=\"").append(f(x + barWidth / 2)).append("\" y=\"").append(height - bottom + 16)
						.append("\" text-anchor=\"middle\">").append(PartnershipMaps.escape(bar.label())).append("</text>");
				}
			}
		}
		return svg.append("</svg>").toString();
	}

	/** One bar per row, label at the left, number at the end of the bar. */
	static String rows(String id, String title, String description, List<Bar> bars) {
		int width = 720;
		int row = 22;
		int labelWidth = 260;
		int height = Math.max(1, bars.size()) * row + 8;
		long max = Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
		StringBuilder svg = open(id, title, description, width, height);
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			double w = (double) (width - labelWidth - 70) * bar.value() / max;
			int y = 4 + i * row;
			String label = bar.label().length() > 38 ? bar.label().substring(0, 37) + "…" : bar.label();
			svg.append("<text x=\"").append(labelWidth - 6).append("\" y=\"").append(y + 15)
				.append("\" text-anchor=\"end\">").append(PartnershipMaps.escape(label)).append("</text>");
			svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2).append("\" width=\"")
				.append(f(Math.max(w, bar.value() > 0 ? 1 : 0))).append("\" height=\"").append(row - 6).append("\"><title>")
				.append(PartnershipMaps.escape(bar.label() + ": " + bar.value())).append("</title></rect>");
			svg.append("<text x=\"").append(f(labelWidth + w + 6)).append("\" y=\"").append(y + 15).append("\">")
				.append(bar.value()).append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	private static StringBuilder open(String id, String title, String description, int width, int height) {
		StringBuilder svg = new StringBuilder(4096);
		svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(width).append(' ').append(height)
			.append("\" role=\"img\" aria-labelledby=\"").append(id).append("-title ").append(id).append("-desc\">")
			.append("<title id=\"").append(id).append("-title\">").append(PartnershipMaps.escape(title)).append("</title>")
			.append("<desc id=\"").append(id).append("-desc\">").append(PartnershipMaps.escape(description)).append("</desc>");
		return svg;
	}

	private static void axis(StringBuilder svg, int left, int top, int width, int baseline, long max) {
		svg.append("<path class=\"axis\" d=\"M").append(left).append(' ').append(top).append('V').append(baseline)
			.append('H').append(width).append("\"/>");
		svg.append("<text x=\"").append(left - 4).append("\" y=\"").append(top + 10).append("\" text-anchor=\"end\">")
			.append(max).append("</text><text x=\"").append(left - 4).append("\" y=\"").append(baseline)
			.append("\" text-anchor=\"end\">0</text>");
	}

	private static String f(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}
}
