"""The report page: signed permalinks (`links`), the page itself (`page`, `highlight`,
`templates/`) and its web server (`server`). Like bot/slack's, this __init__ imports nothing, so
`bot.web.links` (what `deskcheck link` and the chat surfaces need) loads without Jinja2 or uvicorn."""
