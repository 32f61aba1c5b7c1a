package org.citybridge.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay between the portal and PostgreSQL that a test can cut, as a database outage does:
 * {@link #cut()} closes every open connection and refuses new ones; {@link #restore()} listens again.
 */
final class TcpProxy implements AutoCloseable {

	private final String targetHost;

	private final int targetPort;

	private final int port;

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	TcpProxy(String targetHost, int targetPort) throws IOException {
		this.targetHost = targetHost;
		this.targetPort = targetPort;
		ServerSocket first = new ServerSocket();
		first.setReuseAddress(true);
		first.bind(new InetSocketAddress("127.0.0.1", 0));
		this.port = first.getLocalPort();
		listen(first);
	}

	int port() {
		return this.port;
	}

	/** Every connection dropped, new ones refused. */
	synchronized void cut() throws IOException {
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
		this.open.clear();
	}

	/** Connections accepted again. */
	synchronized void restore() throws IOException {
		ServerSocket again = new ServerSocket();
		again.setReuseAddress(true);
		again.bind(new InetSocketAddress("127.0.0.1", this.port));
		listen(again);
	}

	private void listen(ServerSocket socket) {
		this.server = socket;
		daemon(() -> {
			while (!socket.isClosed()) {
				try {
					Socket client = socket.accept();
					Socket target = new Socket(this.targetHost, this.targetPort);
					this.open.add(client);
					this.open.add(target);
					pipe(client, target);
					pipe(target, client);
				}
				catch (IOException ex) {
					// closed by cut(), or the target refused: the client sees its connection end
				}
			}
		});
	}

	private void pipe(Socket from, Socket to) {
		daemon(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		});
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "tcp-proxy");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		cut();
	}
}
