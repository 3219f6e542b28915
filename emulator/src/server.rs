//! The emulator over HTTP/1.1: hyper on a tokio runtime of its own, bound to `127.0.0.1`,
//! stopped (port closed, connections ended) when the handle is dropped.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::thread::JoinHandle;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::sync::oneshot;

use crate::Emulator;

/// Threads of the server's runtime: requests are answered in parallel (reads share the
/// data; writes take turns under the emulator's lock).
const WORKERS: usize = 2;

/// A running server; dropping it stops the server and frees the port.
#[derive(Debug)]
pub struct Server {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    pub(crate) fn start(emulator: Emulator) -> std::io::Result<Self> {
        // loopback only: the emulator is for tests on this machine
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let address = listener.local_addr()?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(WORKERS)
            .thread_name("dataverse-emulator")
            .enable_io()
            .build()?;
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::Builder::new()
            .name("dataverse-emulator-accept".into())
            .spawn(move || {
                runtime.block_on(accept(listener, emulator, stopped));
                // dropping the runtime ends every open connection
            })?;
        Ok(Self {
            address,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The service root, e.g. `http://127.0.0.1:49152/api/data/v9.2/`.
    pub fn url(&self) -> String {
        format!("http://{}/api/data/v9.2/", self.address)
    }

    /// The address the server listens on (always a loopback address).
    pub fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            // the listener is closed when this returns
            let _ = thread.join();
        }
    }
}

async fn accept(
    listener: std::net::TcpListener,
    emulator: Emulator,
    mut stopped: oneshot::Receiver<()>,
) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    loop {
        tokio::select! {
            _ = &mut stopped => return,
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let emulator = emulator.clone();
                tokio::spawn(async move {
                    let service = service_fn(move |request| answer(request, emulator.clone()));
                    // a connection that breaks off (or is not HTTP) ends alone
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        }
    }
}

async fn answer(
    request: http::Request<Incoming>,
    emulator: Emulator,
) -> Result<http::Response<Full<Bytes>>, Infallible> {
    let limit = emulator.max_body_bytes();
    let (parts, body) = request.into_parts();
    // a declared length over the limit is refused before any of the body is read
    let declared = parts
        .headers
        .get(http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|length| length > limit as u64) {
        let message = format!("the request body is larger than {limit} bytes");
        return Ok(error_response(413, &message).map(|b| Full::new(Bytes::from(b))));
    }
    let body = match Limited::new(body, limit).collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(error) => {
            let too_large = error
                .downcast_ref::<http_body_util::LengthLimitError>()
                .is_some();
            let (status, message) = if too_large {
                (
                    413,
                    format!("the request body is larger than {limit} bytes"),
                )
            } else {
                (400, format!("the request body could not be read: {error}"))
            };
            return Ok(error_response(status, &message).map(|b| Full::new(Bytes::from(b))));
        }
    };
    let mut request = http::Request::from_parts(parts, body);
    // hyper gives the path only: the origin comes from `Host`, as `handle` reads it
    if request.uri().authority().is_none() {
        let host = request
            .headers()
            .get(http::header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("127.0.0.1")
            .to_owned();
        let path = request
            .uri()
            .path_and_query()
            .map_or("/", |p| p.as_str())
            .to_owned();
        if let Ok(uri) = format!("http://{host}{path}").parse() {
            *request.uri_mut() = uri;
        }
    }
    // a handler that panicked answers 500 and the server goes on
    let response =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| emulator.handle(request)))
            .unwrap_or_else(|_| error_response(500, "the emulator failed on this request"));
    Ok(response.map(|body| Full::new(Bytes::from(body))))
}

fn error_response(status: u16, message: &str) -> http::Response<Vec<u8>> {
    let body = dataverse_model::ServiceError::new("0x0", message).to_body();
    let mut response = http::Response::new(body);
    *response.status_mut() =
        http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::BAD_REQUEST);
    response.headers_mut().insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json"),
    );
    response
}
