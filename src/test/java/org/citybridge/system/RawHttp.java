package org.citybridge.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request sent over a plain socket, as an attacker or a broken client sends it: Java's HTTP
 * client will not send a Host header of one's choosing nor an address HTTP forbids.
 */
final class RawHttp {

	private RawHttp() {
	}

	/** Sends the request as written and returns the whole response, its body put together again. */
	static String send(int port, String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			return unchunked(all.toString(StandardCharsets.UTF_8));
		}
	}

	/** The first group of the pattern in the text, asserting that it is there. */
	static String match(String text, String regex) {
		Matcher m = Pattern.compile(regex).matcher(text);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

	/** The response with its body put together again if it came in chunks (HTTP/1.1). */
	private static String unchunked(String response) {
		int end = response.indexOf("\r\n\r\n");
		String head = response.substring(0, end + 4);
		if (!head.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
			return response;
		}
		StringBuilder body = new StringBuilder();
		int at = end + 4;
		while (true) {
			int line = response.indexOf("\r\n", at);
			int size = Integer.parseInt(response.substring(at, line).strip(), 16);
			if (size == 0) {
				break;
			}
			// Sizes count bytes: cut the chunk by bytes, then go on after it.
			byte[] rest = response.substring(line + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(rest, 0, size, StandardCharsets.UTF_8);
			body.append(chunk);
			at = line + 2 + chunk.length() + 2;
		}
		return head + body;
	}
}
