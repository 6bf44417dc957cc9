"""moto's AWS emulator on loopback, handling one request at a time.

Usage: python3 scripts/moto-server.py [HOST] [PORT]   (defaults 127.0.0.1 5000)

`python3 -m moto.server` lets every request into moto's backends at once, one thread each, but those
backends are not thread-safe (moto's documentation says so): under a `terraform apply`, which sends
up to ten requests at a time, creating security group rules failed now and then with
InvalidPermission.Duplicate although no two rules were alike. This serves the same application
with the same threaded server (connections stay concurrent: an idle keep-alive connection must not
block the others) and lets one request at a time into moto. moto answers in milliseconds; an
apply's minutes go to the provider's own polling, so taking requests in turn costs almost nothing.
"""
import os
import sys
import threading

from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from werkzeug.serving import run_simple

host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
# The port moto writes into the URLs it returns (SQS queue URLs), as `python3 -m moto.server` sets it.
os.environ.setdefault("MOTO_PORT", str(port))

moto_app = DomainDispatcherApplication(create_backend_app)
one_at_a_time = threading.Lock()


def serialized(environ, start_response):
    """Runs moto's application, body included, under the lock."""
    with one_at_a_time:
        response = moto_app(environ, start_response)
        try:
            return [b"".join(response)]
        finally:
            if hasattr(response, "close"):
                response.close()


run_simple(host, port, serialized, threaded=True)
