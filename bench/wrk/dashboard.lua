-- dashboard.lua — a wrk script: every request is the next of the dashboard's GET
-- routes in turn, so one run loads flows, timeline, entity, search, pay, deals and
-- events alike. Used by scripts/load-test.
local paths = {
  "/api/flows",
  "/api/timeline?limit=100",
  "/api/entities/Meta",
  "/api/search?q=researcher",
  "/api/pay",
  "/api/deals",
  "/api/events?limit=50",
}

local next_path = 0

-- Each wrk thread has its own Lua state; start threads at different routes.
function init(args)
  next_path = math.random(#paths) - 1
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
