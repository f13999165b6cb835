# Sourced by nginx.sh and demo_host.sh: Debian's nginx on 127.0.0.1 without root.
#   local_nginx NAME PORT HTTP_BODY
# checks nginx and its brotli_static module (NAME begins the messages), writes a config
# under target/nginx/PORT with HTTP_BODY inside its `http {}` block, and replaces the
# shell with nginx in the foreground; Ctrl-C stops it.
local_nginx() {
  local name="$1" port="$2" body="$3"
  local nginx module prefix
  nginx="$(command -v nginx || echo /usr/sbin/nginx)"
  [ -x "$nginx" ] || { echo "$name: nginx is not installed; run scripts/setup.sh" >&2; exit 1; }
  module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
  [ -f "$module" ] || { echo "$name: $module is missing; run scripts/setup.sh" >&2; exit 1; }
  # Everything nginx writes stays in a folder of its own, one per port.
  prefix="$root/target/nginx/$port"
  mkdir -p "$prefix/logs" "$prefix/tmp"
  cat > "$prefix/nginx.conf" <<CONF
load_module $module;
daemon off;
# One process, so that stopping the one this script started stops the server.
master_process off;
pid $prefix/nginx.pid;
error_log $prefix/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path $prefix/tmp/body;
  proxy_temp_path $prefix/tmp/proxy;
  fastcgi_temp_path $prefix/tmp/fastcgi;
  uwsgi_temp_path $prefix/tmp/uwsgi;
  scgi_temp_path $prefix/tmp/scgi;
$body
}
CONF
  exec "$nginx" -p "$prefix" -c "$prefix/nginx.conf"
}
