// placeholder: main process lands next
