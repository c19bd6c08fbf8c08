-- wrk script for `make bench`: the consultation form POST, every request with a phone number
-- of its own, answers counted by status; the redirect of every accepted request is written to
-- a file, so the bench can check that each one is stored exactly once. Arguments (after --):
-- path, origin, the body before the phone number, the body after it, the first number of this
-- run's block and the file for the redirects.
local threads = {}

function setup(thread)
  thread:set("index", #threads)
  table.insert(threads, thread)
end

function init(args)
  path, origin, before, after = args[1], args[2], args[3], args[4]
  -- Each thread numbers from its own block, far apart, so no two requests share a phone.
  first = tonumber(args[5]) + index * 500000
  redirects_file = args[6]
  sent = 0
  statuses = {}
  accepted = {}
  headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["Origin"] = origin }
end

function request()
  local phone = string.format("%%2B7999%07d", first + sent)
  sent = sent + 1
  return wrk.format("POST", path, headers, before .. phone .. after)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  local location = headers["Location"] or headers["location"]
  if location then
    accepted[#accepted + 1] = location
  end
end

function done(summary, latency, requests)
  local by_status, sent_total = {}, 0
  local redirects = io.open(threads[1]:get("redirects_file"), "w")
  for _, thread in ipairs(threads) do
    sent_total = sent_total + thread:get("sent")
    for _, location in ipairs(thread:get("accepted")) do
      redirects:write(location, "\n")
    end
    for status, count in pairs(thread:get("statuses")) do
      by_status[status] = (by_status[status] or 0) + count
    end
  end
  redirects:close()
  local counts = {}
  for status, count in pairs(by_status) do
    counts[#counts + 1] = string.format('"%d": %d', status, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'POST-RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.3f, "p99_ms": %.3f, "sent": %d, ' ..
    '"socket_errors": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, sent_total,
    errors.connect + errors.read + errors.write + errors.timeout, table.concat(counts, ", ")))
end
