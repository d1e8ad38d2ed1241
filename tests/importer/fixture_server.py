"""A small HTTP server on 127.0.0.1 that plays the commune's old portal for the importer tests and benchmark.

It serves tests/importer/fixtures/ ("{HOST}" in text files becomes host:port), counts the requests per path,
and under /bench/ generates as many articles (each with its own image) as the benchmark asks for.
"""

import io
import mimetypes
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
TEXT_TYPES = {".html": "text/html", ".xml": "application/xml", ".txt": "text/plain"}

BENCH_ARTICLE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Bài số {n}</title></head><body>
<div id="header"><ul class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li></ul></div>
<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/tin-tuc/">Tin tức</a></div>
<div class="news-detail"><h1 class="title">Tin hoạt động của xã, bài số {n}</h1>
<div class="date-time">Thứ Hai, {day:02d}/10/2026 08:{minute:02d}</div>
<div class="sapo">Tóm tắt bài số {n}: Ủy ban nhân dân xã triển khai nhiệm vụ trọng tâm của tháng.</div>
<div class="news-content">
<p>Đoạn thứ nhất của bài số {n}. Ủy ban nhân dân xã họp bàn các nhiệm vụ phát triển kinh tế - xã hội,
bảo đảm quốc phòng - an ninh và chăm lo đời sống của nhân dân trên địa bàn.</p>
<figure><img src="/bench/anh-{n}.png" alt=""><figcaption>Ảnh minh họa bài số {n}.</figcaption></figure>
<p>Đoạn thứ hai của bài số {n}. Các thôn, làng báo cáo tiến độ thu hoạch vụ mùa và kế hoạch sản xuất vụ đông.</p>
<h3>Nhiệm vụ thời gian tới</h3>
<p>Đoạn thứ ba của bài số {n}: tiếp tục cải cách hành chính, chuyển đổi số và giữ gìn vệ sinh môi trường.</p>
</div><div class="author">Văn phòng UBND xã</div></div>
<div class="box-related"><h3>Tin liên quan</h3>
<ul><li><a href="/bench/bai-{prev}.html">Tin hoạt động của xã, bài số {prev}</a></li></ul></div>
</body></html>"""


def bench_image(number):
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (48, 32), (number % 256, (number // 256) % 256, 120)).save(buffer, "PNG")
    return buffer.getvalue()


class FixtureHandler(BaseHTTPRequestHandler):
    server_version = "OldPortal/1.0"

    def log_message(self, *args):
        pass

    def do_GET(self):
        path = self.path.split("?")[0]
        self.server.hits[path] += 1
        self.server.user_agents.add(self.headers.get("User-Agent", ""))
        if path.startswith("/bench/"):
            return self.bench(path.removeprefix("/bench/"))
        if path == "/cham.html":
            return self.send(b"<html>" + b" " * (2 * 1024 * 1024) + b"</html>", "text/html")
        file = (FIXTURES / path.lstrip("/")).resolve()
        if not file.is_file() or FIXTURES.resolve() not in file.parents:
            return self.send(b"<h1>404</h1>", "text/html", status=404)
        data = file.read_bytes()
        if file.suffix in TEXT_TYPES:
            data = data.replace(b"{HOST}", self.server.host.encode())
            content_type = TEXT_TYPES[file.suffix]
        else:
            content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self.send(data, content_type)

    def bench(self, name):
        count = self.server.bench_count
        if name == "sitemap.xml":
            urls = "".join(
                f"<url><loc>http://{self.server.host}/bench/bai-{n}.html</loc></url>" for n in range(1, count + 1)
            )
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return self.send(body.encode(), "application/xml")
        number = int("".join(ch for ch in name if ch.isdigit()) or 0)
        if name.startswith("bai-"):
            html = BENCH_ARTICLE.format(n=number, prev=max(number - 1, 1), day=number % 28 + 1, minute=number % 60)
            return self.send(html.encode(), "text/html; charset=utf-8")
        if name.startswith("anh-"):
            return self.send(bench_image(number), "image/png")
        return self.send(b"", "text/plain", status=404)

    def send(self, data, content_type, status=200):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class FixtureServer:
    def __init__(self, bench_count=0):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), FixtureHandler)
        self.httpd.host = f"127.0.0.1:{self.httpd.server_port}"
        self.httpd.hits = Counter()
        self.httpd.user_agents = set()
        self.httpd.bench_count = bench_count
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def host(self):
        return self.httpd.host

    @property
    def hits(self):
        return self.httpd.hits

    @property
    def user_agents(self):
        return self.httpd.user_agents

    def url(self, path):
        return f"http://{self.host}/{path.lstrip('/')}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
