//! The emulator over HTTP: `tiny_http` on `127.0.0.1`, a few worker threads, stopped when
//! the handle is dropped.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::Emulator;

/// How many requests are answered at once (reads share the data; writes take turns).
const WORKERS: usize = 4;
/// How often an idle worker looks at the stop flag.
const POLL: Duration = Duration::from_millis(50);

/// A running server; dropping it stops the server and frees the port.
#[derive(Debug)]
pub struct Server {
    address: SocketAddr,
    stop: Arc<AtomicBool>,
    workers: Vec<JoinHandle<()>>,
}

impl Server {
    pub(crate) fn start(emulator: Emulator) -> std::io::Result<Self> {
        // loopback only: the emulator is for tests on this machine
        let http = tiny_http::Server::http(("127.0.0.1", 0)).map_err(std::io::Error::other)?;
        let address = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("the server has no IP address"))?;
        let http = Arc::new(http);
        let stop = Arc::new(AtomicBool::new(false));
        let workers = (0..WORKERS)
            .map(|i| {
                let (http, stop, emulator) =
                    (Arc::clone(&http), Arc::clone(&stop), emulator.clone());
                std::thread::Builder::new()
                    .name(format!("dataverse-emulator-{i}"))
                    .spawn(move || serve(&http, &stop, &emulator))
            })
            .collect::<std::io::Result<Vec<_>>>()?;
        Ok(Self {
            address,
            stop,
            workers,
        })
    }

    /// The service root, e.g. `http://127.0.0.1:49152/api/data/v9.2/`.
    pub fn url(&self) -> String {
        format!("http://{}/api/data/v9.2/", self.address)
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
        // the last worker dropped its handle to the tiny_http server, which closed the port
    }
}

fn serve(http: &tiny_http::Server, stop: &AtomicBool, emulator: &Emulator) {
    while !stop.load(Ordering::SeqCst) {
        match http.recv_timeout(POLL) {
            Ok(Some(request)) => answer(request, emulator),
            Ok(None) => {}
            Err(_) => std::thread::sleep(POLL),
        }
    }
}

fn answer(mut request: tiny_http::Request, emulator: &Emulator) {
    let limit = emulator.max_body_bytes();
    let mut body = Vec::new();
    let read = request
        .as_reader()
        .take(limit as u64 + 1)
        .read_to_end(&mut body);
    let response = match read {
        Err(error) => error_response(400, &format!("the request body could not be read: {error}")),
        Ok(_) if body.len() > limit => error_response(
            413,
            &format!("the request body is larger than {limit} bytes"),
        ),
        Ok(_) => match to_http(&request, body) {
            // a handler that panicked answers 500 and the server goes on
            Some(http_request) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                emulator.handle(http_request)
            }))
            .unwrap_or_else(|_| error_response(500, "the emulator failed on this request")),
            None => error_response(400, "the request line or a header is not valid HTTP"),
        },
    };
    let _ = request.respond(from_http(response));
}

fn to_http(request: &tiny_http::Request, body: Vec<u8>) -> Option<http::Request<Vec<u8>>> {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map_or_else(|| "127.0.0.1".to_owned(), |h| h.value.as_str().to_owned());
    let mut builder = http::Request::builder()
        .method(request.method().as_str())
        .uri(format!("http://{host}{}", request.url()));
    for header in request.headers() {
        builder = builder.header(header.field.as_str().as_str(), header.value.as_str());
    }
    builder.body(body).ok()
}

fn error_response(status: u16, message: &str) -> http::Response<Vec<u8>> {
    let body = serde_json::json!({"error": {"code": "0x0", "message": message}});
    let mut response = http::Response::new(serde_json::to_vec(&body).unwrap_or_default());
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
    response.headers_mut().insert(
        "Content-Type",
        http::HeaderValue::from_static("application/json"),
    );
    response
}

fn from_http(response: http::Response<Vec<u8>>) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let status = response.status().as_u16();
    let headers: Vec<tiny_http::Header> = response
        .headers()
        .iter()
        .filter_map(|(name, value)| {
            tiny_http::Header::from_bytes(name.as_str(), value.as_bytes()).ok()
        })
        .collect();
    let mut out = tiny_http::Response::from_data(response.into_body()).with_status_code(status);
    for header in headers {
        out.add_header(header);
    }
    out
}
