#!/usr/bin/env python3
"""Time to first token of a streamed chat completion, over one keep-alive connection.

    ttft.py HOST PORT KEY BODY_FILE REQUESTS NAME

Sends REQUESTS identical requests one after another and prints one line,
"NAME p50 p90 p99" in milliseconds: the time from sending each request to the first SSE
chunk that carries content. Fails on any non-200 answer or a stream without content.
Client overhead (Python) is the same for every target, so compare targets, not absolutes.
"""
import http.client
import statistics
import sys
import time

host, port, key, body_file, requests, name = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], int(sys.argv[5]), sys.argv[6]
body = open(body_file, "rb").read()
headers = {"Content-Type": "application/json", "Accept": "text/event-stream"}
if key:
    headers["Authorization"] = "Bearer " + key
conn = http.client.HTTPConnection(host, port)
samples = []
for _ in range(requests):
    start = time.perf_counter()
    conn.request("POST", "/v1/chat/completions", body, headers)
    response = conn.getresponse()
    if response.status != 200:
        sys.exit(f"{name}: HTTP {response.status}: {response.read()[:200]!r}")
    first = None
    while True:
        line = response.readline()
        if not line:
            break
        if first is None and line.startswith(b"data:") and b'"content":"' in line and b'"content":""' not in line:
            first = time.perf_counter()
    response.read()  # lets http.client finish the response and reuse the connection
    if first is None:
        sys.exit(f"{name}: a stream without content")
    samples.append((first - start) * 1000)
q = statistics.quantiles(samples, n=100)
print(f"{name} {q[49]:.3f} {q[89]:.3f} {q[98]:.3f}")
