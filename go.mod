module github.com/x12kit/x12kit

go 1.26
